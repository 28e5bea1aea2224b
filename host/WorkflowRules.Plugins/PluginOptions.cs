namespace WorkflowRules.Plugins;

/// <summary>
/// Where plugins come from and how changes are picked up (configuration section <c>Plugins</c>).
/// Relative paths are resolved against the host's content root.
/// </summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>The folder that holds one subfolder per plugin. Default <c>plugins</c> (under the content root).</summary>
    public string Directory { get; set; } = "plugins";

    /// <summary>
    /// Where plugin folders are copied before they are loaded, so the originals are never locked and can be
    /// replaced at any time. Each catalog works in its own subfolder and deletes it on shutdown.
    /// Default: <c>WorkflowRules/plugin-shadow</c> under the system's temporary folder.
    /// </summary>
    public string? ShadowCopyDirectory { get; set; }

    /// <summary>How long a changed folder must stay unchanged before it is loaded, so half-copied folders are never loaded. Default 500 ms.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Rescans the folder at this interval in case the file watcher missed a change; <see cref="TimeSpan.Zero"/> turns it off. Default 5 s.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether changes to the folder are watched and applied while the host runs. Default true.</summary>
    public bool Watch { get; set; } = true;
}
