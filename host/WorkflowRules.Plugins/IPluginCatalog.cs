namespace WorkflowRules.Plugins;

/// <summary>The record types, events, responses and templates of the loaded plugins, kept up to date as plugin folders change.</summary>
public interface IPluginCatalog
{
    /// <summary>
    /// The latest snapshot. Fine for reading the catalog (lists, validation); to run plugin code
    /// (parse, serialize, invoke) take a lease with <see cref="Acquire"/> so the plugin cannot unload meanwhile.
    /// </summary>
    CatalogSnapshot Current { get; }

    /// <summary>
    /// Pins every plugin version of the current snapshot until the lease is disposed: a plugin replaced or
    /// removed meanwhile keeps working for this lease, and unloads once its last lease ends.
    /// </summary>
    CatalogLease Acquire();

    /// <summary>Scans the plugin folder now and applies what changed, without waiting for the folders to settle.</summary>
    Task RescanAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Raised when a replaced or removed plugin version's last lease ends, just before its load context is
    /// unloaded. Handlers must drop everything that references the context's types (compiled conditions). It is raised
    /// on the thread that ends the last lease (or runs the scan), so handlers must be quick and must not throw.
    /// </summary>
    event EventHandler<PluginRetiredEventArgs>? PluginRetired;
}
