using System.Diagnostics;
using System.Globalization;
using WorkflowRules.Plugins.Loading;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// The plugin directory and this catalog's shadow-copy session folder (<c>&lt;ShadowCopyDirectory&gt;/&lt;pid&gt;-&lt;random&gt;</c>,
/// so several hosts or test catalogs can share one shadow directory).
/// </summary>
internal sealed record PluginPaths(string PluginsDirectory, string ShadowRoot, string ShadowSession)
{
    public static PluginPaths Resolve(PluginOptions options, string contentRoot)
    {
        var plugins = Path.GetFullPath(options.Directory, contentRoot);
        var shadowRoot = string.IsNullOrWhiteSpace(options.ShadowCopyDirectory)
            ? Path.Combine(Path.GetTempPath(), "WorkflowRules", "plugin-shadow")
            : Path.GetFullPath(options.ShadowCopyDirectory, contentRoot);
        var session = Path.Combine(shadowRoot, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}"));
        return new(plugins, shadowRoot, session);
    }

    public string ShadowFor(string folderName, int attempt) =>
        Path.Combine(ShadowSession, folderName, attempt.ToString(CultureInfo.InvariantCulture));

    /// <summary>Removes session folders left by processes that are gone (a crash skips the cleanup on shutdown).</summary>
    public void PurgeStaleSessions()
    {
        if (!Directory.Exists(ShadowRoot))
        {
            return;
        }

        foreach (var session in Directory.EnumerateDirectories(ShadowRoot))
        {
            var name = Path.GetFileName(session);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var processId) && !IsRunning(processId))
            {
                ShadowCopy.TryDelete(session);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
