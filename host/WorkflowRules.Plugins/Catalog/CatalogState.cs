namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// The current snapshot and the lease counts of every plugin version, under one lock, so a lease never pins a
/// version that has begun to unload. A version unloads when it is retired (no longer current) and has no lease.
/// </summary>
internal sealed class CatalogState(Action<PluginVersion> unload)
{
    private readonly Lock _gate = new();
    private CatalogSnapshot _current = CatalogSnapshot.Empty;

    public CatalogSnapshot Current => Volatile.Read(ref _current);

    public CatalogLease Acquire()
    {
        lock (_gate)
        {
            var snapshot = _current;
            foreach (var version in snapshot.Versions)
            {
                version.Leases++;
            }

            return new CatalogLease(snapshot, this);
        }
    }

    public void Release(CatalogSnapshot snapshot)
    {
        List<PluginVersion>? unloadable = null;
        lock (_gate)
        {
            foreach (var version in snapshot.Versions)
            {
                version.Leases--;
                CollectIfUnloadable(version, ref unloadable);
            }
        }

        UnloadAll(unloadable);
    }

    public bool TryPin(PluginVersion version)
    {
        lock (_gate)
        {
            if (version.Unloading)
            {
                return false;
            }

            version.Leases++;
            return true;
        }
    }

    public void Unpin(PluginVersion version)
    {
        List<PluginVersion>? unloadable = null;
        lock (_gate)
        {
            version.Leases--;
            CollectIfUnloadable(version, ref unloadable);
        }

        UnloadAll(unloadable);
    }

    /// <summary>Makes <paramref name="next"/> current and retires <paramref name="retired"/> (unloading those without leases).</summary>
    public void Publish(CatalogSnapshot next, IReadOnlyCollection<PluginVersion> retired)
    {
        List<PluginVersion>? unloadable = null;
        lock (_gate)
        {
            Volatile.Write(ref _current, next);
            foreach (var version in retired)
            {
                version.Retired = true;
                CollectIfUnloadable(version, ref unloadable);
            }
        }

        UnloadAll(unloadable);
    }

    private static void CollectIfUnloadable(PluginVersion version, ref List<PluginVersion>? unloadable)
    {
        if (version.Retired && version.Leases == 0 && !version.Unloading)
        {
            version.Unloading = true;
            (unloadable ??= []).Add(version);
        }
    }

    private void UnloadAll(List<PluginVersion>? versions)
    {
        foreach (var version in versions ?? [])
        {
            unload(version);
        }
    }
}
