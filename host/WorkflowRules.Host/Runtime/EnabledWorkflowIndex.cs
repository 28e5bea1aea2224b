using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Conditions;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// The enabled workflows by entry event, held in memory so that an event costs one primary-key read (the
/// <see cref="WorkflowCatalogStamp"/>) instead of loading its candidates and their definitions. When the stamp moved
/// — a workflow was created, changed, enabled or disabled by any process — the index is rebuilt once, and the entry
/// conditions of every enabled workflow are compiled in one batch (or loaded from the compiled-condition cache) and
/// bound once. A retired plugin version drops the index: its bound conditions would otherwise keep the old
/// version's load context alive.
/// </summary>
public sealed partial class EnabledWorkflowIndex : IDisposable
{
    private readonly WorkflowDefinitionCache _definitions;
    private readonly IConditionEvaluator _conditions;
    private readonly IPluginCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EnabledWorkflowIndex> _logger;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile Snapshot? _current;
    private int _retirements;

    public EnabledWorkflowIndex(
        WorkflowDefinitionCache definitions, IConditionEvaluator conditions, IPluginCatalog catalog, TimeProvider timeProvider, ILogger<EnabledWorkflowIndex> logger)
    {
        _definitions = definitions;
        _conditions = conditions;
        _catalog = catalog;
        _timeProvider = timeProvider;
        _logger = logger;
        _catalog.PluginRetired += OnPluginRetired;
    }

    /// <summary>The enabled workflows starting with <paramref name="eventName"/>, in code order; current as of this call.</summary>
    public async Task<IReadOnlyList<EnabledWorkflow>> GetAsync(WorkflowRulesDbContext db, string eventName, CancellationToken cancellationToken)
    {
        var stamp = await db.WorkflowCatalogStamps.AsNoTracking()
            .Where(s => s.Id == WorkflowCatalogStamp.SingletonId).Select(s => s.Value).SingleAsync(cancellationToken);
        var snapshot = _current is { } current && current.Stamp == stamp ? current : await RebuildAsync(db, stamp, cancellationToken);
        return snapshot.ByEntryEvent.TryGetValue(eventName, out var workflows) ? workflows : [];
    }

    private async Task<Snapshot> RebuildAsync(WorkflowRulesDbContext db, long stamp, CancellationToken cancellationToken)
    {
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            // Another request may have rebuilt while this one waited; a newer snapshot is as good.
            if (_current is { } current && current.Stamp >= stamp)
            {
                return current;
            }

            var started = _timeProvider.GetTimestamp();
            var retirements = Volatile.Read(ref _retirements);
            var rows = await db.Workflows.AsNoTracking()
                .Where(w => w.Enabled && w.EntryEvent != null && w.CurrentVersion != null)
                .Include(w => w.CurrentVersion)
                .OrderBy(w => w.Code)
                .ToListAsync(cancellationToken);
            var enabled = BindConditions(rows);
            var snapshot = new Snapshot(
                stamp,
                enabled.GroupBy(w => w.Workflow.EntryEvent!, StringComparer.Ordinal)
                    .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<EnabledWorkflow>)[.. g], StringComparer.Ordinal));
            // Bound while a plugin version retired: it may hold the old version's types, so serve it once, don't keep it.
            if (Volatile.Read(ref _retirements) == retirements)
            {
                _current = snapshot;
            }

            LogRebuilt(_logger, enabled.Count, stamp, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Compiles the entry conditions in one batch now, rather than one by one on the first events, and binds them.</summary>
    private List<EnabledWorkflow> BindConditions(List<Workflow> rows)
    {
        using var lease = _catalog.Acquire();
        var parsed = rows.Select(row =>
        {
            var definition = _definitions.Get(row.CurrentVersion!);
            var recordType = lease.Snapshot.Events.TryGetValue(row.EntryEvent!, out var entryEvent) ? entryEvent.RecordType.ClrType : null;
            return (Row: row, Definition: definition, Source: definition.Root?.Condition?.ToSource(), RecordType: recordType);
        }).ToList();

        _conditions.Prepare([.. parsed.Where(p => p.Source is not null && p.RecordType is not null).Select(p => (p.Source!, p.RecordType!))]);
        return
        [
            .. parsed.Select(p => new EnabledWorkflow(
                p.Row, p.Row.CurrentVersion!, p.Definition, p.Source,
                p.Source is not null && p.RecordType is not null ? _conditions.Bind(p.Source, p.RecordType) : null)),
        ];
    }

    private void OnPluginRetired(object? sender, PluginRetiredEventArgs args)
    {
        Interlocked.Increment(ref _retirements);
        _current = null;
    }

    public void Dispose()
    {
        _catalog.PluginRetired -= OnPluginRetired;
        _rebuild.Dispose();
    }

    private sealed record Snapshot(long Stamp, FrozenDictionary<string, IReadOnlyList<EnabledWorkflow>> ByEntryEvent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enabled workflows loaded: {Count} at catalog stamp {Stamp}, conditions prepared, in {Milliseconds:0} ms.")]
    private static partial void LogRebuilt(ILogger logger, int count, long stamp, double milliseconds);
}
