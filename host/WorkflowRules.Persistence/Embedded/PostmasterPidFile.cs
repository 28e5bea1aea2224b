using System.Diagnostics;
using System.Globalization;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>
/// PostgreSQL's <c>postmaster.pid</c>: first line the postmaster's PID. PostgreSQL itself treats any live
/// PID as "still running" — including an unrelated process that got the PID after a crash or reboot,
/// or one it may not signal (EPERM) — so it is checked here more strictly.
/// </summary>
internal static class PostmasterPidFile
{
    public const string FileName = "postmaster.pid";

    public static int? ReadPid(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var firstLine = File.ReadLines(path).FirstOrDefault();
        return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1;
    }

    /// <summary>True when <paramref name="pid"/> is a live postgres process working in <paramref name="dataDirectory"/>.</summary>
    public static bool IsPostmasterOf(int pid, string dataDirectory)
    {
        if (pid <= 0)
        {
            return false;
        }

        var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        if (Directory.Exists("/proc/self"))
        {
            return IsLiveLinuxPostmasterOf(proc, dataDirectory);
        }

        // Without /proc, the process name is all there is to go on.
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && string.Equals(process.ProcessName, "postgres", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsLiveLinuxPostmasterOf(string proc, string dataDirectory)
    {
        try
        {
            // "pid (comm) state ...": a zombie (Z) or dead (X) postmaster is not running, whatever kill(0) says.
            var stat = File.ReadAllText(Path.Combine(proc, "stat"));
            var close = stat.LastIndexOf(')');
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            if (open < 0 || close < 0 || close + 2 >= stat.Length)
            {
                return false;
            }

            var name = stat[(open + 1)..close];
            var state = stat[close + 2];
            if (!string.Equals(name, "postgres", StringComparison.Ordinal) || state is 'Z' or 'X')
            {
                return false;
            }

            // A postmaster works in its data folder; another cluster's postgres does not.
            var cwd = Directory.ResolveLinkTarget(Path.Combine(proc, "cwd"), returnFinalTarget: false)?.FullName;
            return cwd is not null && SamePath(cwd, dataDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone, or another user's process: either way not the postmaster this process family started.
            return false;
        }
    }

    private static bool SamePath(string a, string b)
        => string.Equals(RealPath(a), RealPath(b), StringComparison.Ordinal);

    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : RealPath(parent);
        var current = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        try
        {
            var target = Directory.ResolveLinkTarget(current, returnFinalTarget: true);
            return target is null ? current : RealPath(target.FullName);
        }
        catch (IOException)
        {
            return current;
        }
    }
}
