using System.Globalization;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// CPU time used so far by every PostgreSQL process on the machine (the server and its backends, by process name),
/// from <c>/proc/[pid]/stat</c>. Read there, not through <see cref="System.Diagnostics.Process.GetProcessesByName(string)"/>:
/// backends rewrite their command line ("postgres: user db …"), which that name follows, and only the kernel's name
/// in <c>stat</c> stays "postgres". Backends that ended between two readings are missed; the drains measured here keep
/// their connections pooled, so the backends live through them.
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
                // pid (comm) state … utime stime: fields 14 and 15, counted after the closing parenthesis of comm.
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
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
