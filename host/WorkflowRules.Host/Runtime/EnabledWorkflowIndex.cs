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
/// conditions of every enabled workflow are compiled in one batch (or loaded from the compiled-condition cache).
/// </summary>
public sealed partial class EnabledWorkflowIndex(
    WorkflowDefinitionCache definitions,
    IConditionEvaluator conditions,
    IPluginCatalog catalog,
    TimeProvider timeProvider,
    ILogger<EnabledWorkflowIndex> logger) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile Snapshot? _current;

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

            var started = timeProvider.GetTimestamp();
            var rows = await db.Workflows.AsNoTracking()
                .Where(w => w.Enabled && w.EntryEvent != null && w.CurrentVersion != null)
                .Include(w => w.CurrentVersion)
                .OrderBy(w => w.Code)
                .ToListAsync(cancellationToken);
            var enabled = rows.Select(w => new EnabledWorkflow(w, w.CurrentVersion!, definitions.Get(w.CurrentVersion!))).ToList();
            PrepareConditions(enabled);
            var snapshot = new Snapshot(
                stamp,
                enabled.GroupBy(w => w.Workflow.EntryEvent!, StringComparer.Ordinal)
                    .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<EnabledWorkflow>)[.. g], StringComparer.Ordinal));
            _current = snapshot;
            LogRebuilt(logger, enabled.Count, stamp, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Compiles the entry conditions in one batch now, rather than one by one on the first events.</summary>
    private void PrepareConditions(List<EnabledWorkflow> enabled)
    {
        using var lease = catalog.Acquire();
        var batch = new List<(ConditionSource, Type)>();
        foreach (var workflow in enabled)
        {
            if (workflow.Condition is { } condition && lease.Snapshot.Events.TryGetValue(workflow.Workflow.EntryEvent!, out var entryEvent))
            {
                batch.Add((condition, entryEvent.RecordType.ClrType));
            }
        }

        conditions.Prepare(batch);
    }

    public void Dispose() => _rebuild.Dispose();

    private sealed record Snapshot(long Stamp, FrozenDictionary<string, IReadOnlyList<EnabledWorkflow>> ByEntryEvent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enabled workflows loaded: {Count} at catalog stamp {Stamp}, conditions prepared, in {Milliseconds:0} ms.")]
    private static partial void LogRebuilt(ILogger logger, int count, long stamp, double milliseconds);
}
