using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins.Loading;

/// <summary>What came of loading a plugin folder.</summary>
internal sealed record LoadOutcome
{
    public PluginVersion? Version { get; init; }

    /// <summary>The manifest, when it could be read (also on failure, for the status).</summary>
    public PluginManifest? Manifest { get; init; }

    public string? Error { get; init; }

    /// <summary>The failure is a clash with another plugin: retry when the catalog changes.</summary>
    public bool IsConflict { get; init; }

    /// <summary>The folder changed while it was copied: try again once it settles.</summary>
    public bool Unstable { get; init; }
}
