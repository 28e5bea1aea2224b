namespace WorkflowRules.Plugins;

/// <summary>One folder of the plugin directory and how it fared.</summary>
public sealed record PluginStatus
{
    /// <summary>The folder's name inside the plugin directory.</summary>
    public required string Folder { get; init; }

    /// <summary>The manifest's id, when it could be read.</summary>
    public string? Id { get; init; }

    /// <summary>The manifest's version, when it could be read; for a loaded plugin, the version running.</summary>
    public string? Version { get; init; }

    public required PluginState State { get; init; }

    /// <summary>
    /// Why the folder was refused. Also set on a <see cref="PluginState.Loaded"/> plugin whose folder now holds
    /// an update that failed to load: the previous version keeps running until the folder is fixed.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>When the running version was loaded.</summary>
    public DateTimeOffset? LoadedAt { get; init; }

    /// <summary>The function names (events, then responses) the loaded version provides.</summary>
    public IReadOnlyList<string> FunctionNames { get; init; } = [];

    /// <summary>The record types the loaded version provides.</summary>
    public IReadOnlyList<string> RecordTypes { get; init; } = [];

    /// <summary>The template codes the loaded version provides.</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];
}
