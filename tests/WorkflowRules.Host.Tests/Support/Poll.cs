using System.Diagnostics;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>
/// Waits, bounded, for what the host finishes after the call under test has returned (Hangfire jobs, the outbox):
/// asks every 100 ms and, once the time is up, fails with what the caller says about the last answer.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Calls <paramref name="attempt"/> until it says it is done, and returns its value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<(bool Done, T Value)>> attempt, Func<T, Task<string>> describeFailure, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var (done, value) = await attempt();
            if (done)
            {
                return value;
            }

            if (waited.Elapsed > (timeout ?? DefaultTimeout))
            {
                Assert.Fail(await describeFailure(value));
            }

            await Task.Delay(Interval);
        }
    }
}
