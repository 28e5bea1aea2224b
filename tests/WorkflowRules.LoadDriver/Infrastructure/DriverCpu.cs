using System.Diagnostics;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// CPU time used so far by this driver process: its HTTP clients (and the ceiling's Hangfire server) share the
/// machine's cores with the host and PostgreSQL, so a figure per event says how much of the machine was the driver's.
/// </summary>
internal static class DriverCpu
{
    public static TimeSpan Used()
    {
        using var driver = Process.GetCurrentProcess();
        return driver.TotalProcessorTime;
    }
}
