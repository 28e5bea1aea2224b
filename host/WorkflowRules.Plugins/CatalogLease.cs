using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins;

/// <summary>Keeps the plugin versions of one snapshot loaded until disposed. Dispose it as soon as the work is done.</summary>
public sealed class CatalogLease : IDisposable
{
    private readonly CatalogState _state;
    private CatalogSnapshot? _snapshot;

    internal CatalogLease(CatalogSnapshot snapshot, CatalogState state)
    {
        _snapshot = snapshot;
        _state = state;
    }

    /// <summary>The snapshot this lease pins.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public CatalogSnapshot Snapshot => _snapshot ?? throw new ObjectDisposedException(nameof(CatalogLease));

    public void Dispose()
    {
        // The reference is dropped too, so a disposed lease that is still referenced does not keep old versions alive.
        var snapshot = Interlocked.Exchange(ref _snapshot, null);
        if (snapshot is not null)
        {
            _state.Release(snapshot);
        }
    }
}
