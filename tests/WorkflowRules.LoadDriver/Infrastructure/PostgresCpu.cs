using System.Globalization;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// CPU time used so far by every PostgreSQL process on the machine (the server and its backends, by process name),
/// from <c>/proc/[pid]/stat</c>. Read there, not through <see cref="System.Diagnostics.Process.GetProcessesByName(string)"/>:
/// backends rewrite their command line ("postgres: user db …"), which that name follows, and only the kernel's name
/// in <c>stat</c> stays "postgres". A backend that ends is reaped by the server, and the kernel moves its time into the
/// server's children's time (cutime, cstime), so that is added too: without it a pool closing connections mid-drain
/// made the figure go backwards.
/// </summary>
internal static class PostgresCpu
{
    public static TimeSpan Used()
    {
        long ticks = 0;
        foreach (var directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // pid (comm) state … utime stime cutime cstime: fields 14 to 17, counted after the closing parenthesis of comm.
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                for (var field = 11; field <= 14; field++)
                {
                    ticks += long.Parse(fields[field], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return TimeSpan.FromSeconds(ticks / MachineCpu.TicksPerSecond);
    }
}
