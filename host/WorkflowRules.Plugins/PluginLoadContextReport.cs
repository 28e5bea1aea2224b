namespace WorkflowRules.Plugins;

/// <summary>
/// How many plugin load contexts the process holds, and which retired ones are not gone yet. A healthy host that has
/// replaced plugins many times shows <see cref="Draining"/> and <see cref="Unloaded"/> at (or briefly above) zero;
/// an <see cref="Unloaded"/> count that stays up after a collection means something still references a retired
/// plugin's types (a leak).
/// </summary>
public sealed record PluginLoadContextReport
{
    /// <summary>Contexts still in memory: <see cref="Loaded"/> + <see cref="Draining"/> + <see cref="Unloaded"/>.</summary>
    public required int Alive { get; init; }

    /// <summary>Contexts of the versions the catalog serves now (or is loading).</summary>
    public required int Loaded { get; init; }

    /// <summary>Replaced or removed versions that leases still pin: they unload when their last lease ends.</summary>
    public required int Draining { get; init; }

    /// <summary>Unloaded versions the garbage collector has not reclaimed yet.</summary>
    public required int Unloaded { get; init; }

    /// <summary>Contexts reclaimed since the host started (replaced versions and refused loads).</summary>
    public required long Collected { get; init; }

    /// <summary>The draining and unloaded contexts, oldest first.</summary>
    public required IReadOnlyList<RetiredPluginContext> Retired { get; init; }
}
