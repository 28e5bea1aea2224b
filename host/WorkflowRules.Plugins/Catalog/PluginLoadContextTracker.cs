using System.Runtime.Loader;
using WorkflowRules.Plugins.Loading;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// Follows every load context the catalog creates until the garbage collector reclaims it. Contexts are held only
/// through weak references (the loader holds a loaded one), so watching for a leak never causes one; a version is
/// held while it is loaded, for its lease count, and let go when it unloads.
/// </summary>
internal sealed class PluginLoadContextTracker(TimeProvider timeProvider)
{
    // A few full collections are enough for an unreferenced context: finalizers release its last handles.
    private const int MaxCollections = 8;

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private long _collected;

    public void Track(AssemblyLoadContext context, string folderName, PluginManifest manifest)
    {
        lock (_gate)
        {
            PruneCollected();
            _entries.Add(new Entry(folderName, manifest.Id, manifest.Version, context));
        }
    }

    /// <summary>Links a context to the version that registered from it, whose lease count and retirement the report shows.</summary>
    public void Attach(PluginVersion version)
    {
        lock (_gate)
        {
            Find(version.LoadContext)?.Version = version;
        }
    }

    /// <summary>Called once the loader has been disposed (a retired version, or a load that failed).</summary>
    public void Unloaded(AssemblyLoadContext context)
    {
        lock (_gate)
        {
            if (Find(context) is { } entry)
            {
                entry.Unload(timeProvider.GetUtcNow());
            }
        }
    }

    public PluginLoadContextReport Report()
    {
        lock (_gate)
        {
            PruneCollected();
            var loaded = 0;
            var retired = new List<RetiredPluginContext>();
            foreach (var entry in _entries)
            {
                // Retired and Leases are written under the catalog state's lock; a slightly stale read is fine for a report.
                if (entry.UnloadedAt is { } unloadedAt)
                {
                    retired.Add(entry.ToRetired(RetiredContextState.Unloaded, 0, unloadedAt));
                }
                else if (entry.Version is { Retired: true } version)
                {
                    retired.Add(entry.ToRetired(RetiredContextState.Draining, version.Leases, null));
                }
                else
                {
                    loaded++;
                }
            }

            var draining = retired.Count(r => r.State == RetiredContextState.Draining);
            return new PluginLoadContextReport
            {
                Alive = _entries.Count,
                Loaded = loaded,
                Draining = draining,
                Unloaded = retired.Count - draining,
                Collected = _collected,
                Retired = retired,
            };
        }
    }

    public PluginLoadContextReport CollectAndReport()
    {
        var report = Report();
        for (var i = 0; i < MaxCollections && report.Unloaded > 0; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            report = Report();
        }

        return report;
    }

    private Entry? Find(AssemblyLoadContext context) => _entries.Find(e => e.Is(context));

    private void PruneCollected() => _collected += _entries.RemoveAll(e => e.IsCollected);

    private sealed class Entry(string folder, string pluginId, string version, AssemblyLoadContext context)
    {
        private readonly WeakReference<AssemblyLoadContext> _weak = new(context);

        public PluginVersion? Version { get; set; }

        public DateTimeOffset? UnloadedAt { get; private set; }

        public bool IsCollected => !_weak.TryGetTarget(out _);

        public bool Is(AssemblyLoadContext other) => _weak.TryGetTarget(out var target) && ReferenceEquals(target, other);

        public void Unload(DateTimeOffset at)
        {
            Version = null;
            UnloadedAt = at;
        }

        public RetiredPluginContext ToRetired(RetiredContextState state, int leases, DateTimeOffset? unloadedAt) => new()
        {
            Folder = folder,
            PluginId = pluginId,
            Version = version,
            State = state,
            Leases = leases,
            UnloadedAt = unloadedAt,
        };
    }
}
