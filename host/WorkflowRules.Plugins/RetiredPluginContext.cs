namespace WorkflowRules.Plugins;

/// <summary>The load context of a replaced, removed or refused plugin version that is still in memory.</summary>
public sealed record RetiredPluginContext
{
    /// <summary>The plugin folder the version was loaded from.</summary>
    public required string Folder { get; init; }

    /// <summary>The manifest's id, when it could be read.</summary>
    public string? PluginId { get; init; }

    /// <summary>The manifest's version, when it could be read.</summary>
    public string? Version { get; init; }

    public required RetiredContextState State { get; init; }

    /// <summary>Leases still pinning a <see cref="RetiredContextState.Draining"/> version; 0 once unloaded.</summary>
    public int Leases { get; init; }

    /// <summary>When the context was unloaded; null while draining.</summary>
    public DateTimeOffset? UnloadedAt { get; init; }
}
