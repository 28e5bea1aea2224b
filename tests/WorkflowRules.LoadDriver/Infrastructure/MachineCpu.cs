using System.Globalization;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// CPU time the whole machine spent busy (every process: host, PostgreSQL, driver), from the first line of
/// <c>/proc/stat</c>. Per event it is a steadier figure than a rate on a noisy machine: it does not move with waiting.
/// </summary>
internal static class MachineCpu
{
    /// <summary>Kernel clock ticks per second as <c>/proc/stat</c> counts them (USER_HZ, 100 on Linux).</summary>
    internal const double TicksPerSecond = 100;

    /// <summary>Busy time so far (user, nice, system, irq, softirq, steal); zero where there is no /proc/stat.</summary>
    public static TimeSpan BusyTime()
    {
        if (!File.Exists("/proc/stat"))
        {
            return TimeSpan.Zero;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal …
        int[] busy = [1, 2, 3, 6, 7, 8];
        var ticks = busy.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
