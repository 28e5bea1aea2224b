namespace WorkflowRules.Plugins;

/// <summary>Where a retired plugin version's load context is on its way out.</summary>
public enum RetiredContextState
{
    /// <summary>No longer current, but leases still pin it: work in flight finishes on it.</summary>
    Draining,

    /// <summary>Unloaded; it is gone once the garbage collector finds nothing referencing its types.</summary>
    Unloaded,
}
