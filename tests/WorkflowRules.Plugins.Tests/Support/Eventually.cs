using System.Diagnostics;

namespace WorkflowRules.Plugins.Tests.Support;

/// <summary>Waits for something the catalog does in the background (file watcher, timers) to become true.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting until {what}.");
            }

            await Task.Delay(25);
        }
    }
}
