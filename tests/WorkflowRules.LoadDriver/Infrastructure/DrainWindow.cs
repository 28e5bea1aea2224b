namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// Follows a queue being drained and measures the machine's CPU over its measured part: from the moment
/// <c>from</c> items are done to the moment all are. CPU per item is the figure a noisy machine moves least: a
/// neighbour that takes the cores away lowers a rate, not the work each item needs.
/// </summary>
internal static class DrainWindow
{
    /// <summary>
    /// Waits until <paramref name="countDone"/> (a count query) reaches <paramref name="to"/> and returns the machine's
    /// busy CPU time per item done from the <paramref name="from"/>-th on; throws on <paramref name="timeout"/>.
    /// </summary>
    public static async Task<TimeSpan> CpuPerItemAsync(
        string connectionString, string countDone, int from, int to, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var (startCount, startCpu) = (-1L, TimeSpan.Zero);
        while (waited.Elapsed < timeout)
        {
            var count = await DatabaseProbe.ScalarAsync<long>(connectionString, countDone, cancellationToken);
            var cpu = MachineCpu.BusyTime();
            if (startCount < 0 && count >= from)
            {
                (startCount, startCpu) = (count, cpu);
            }

            if (count >= to)
            {
                return count > startCount ? (cpu - startCpu) / (count - startCount) : TimeSpan.Zero;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Only part of {to} items was done within {timeout.TotalMinutes:0} minutes ({countDone}).");
    }
}
