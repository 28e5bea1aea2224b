namespace WorkflowRules.Plugins;

/// <summary>Counts the plugin load contexts alive in the process, so operators can see that plugin reloads do not leak.</summary>
public interface IPluginLoadContextMonitor
{
    /// <summary>What is alive now, without forcing a collection (unloaded contexts go at the collector's pace).</summary>
    PluginLoadContextReport Report();

    /// <summary>
    /// Runs full, blocking garbage collections (a few at most, until no unloaded context is left) and then reports.
    /// Costly: meant for an operator checking for leaks, never for a hot path.
    /// </summary>
    PluginLoadContextReport CollectAndReport();
}
