using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Conditions;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// The enabled workflows by entry event, held in memory so that an event costs at most one primary-key read (the
/// <see cref="WorkflowCatalogStamp"/>; none at intake, see <see cref="GetUnverifiedSnapshotAsync"/>) instead of
/// loading its candidates and their definitions. When the stamp moved
/// — a workflow was created, changed, enabled or disabled by any process — the index is rebuilt once, and the entry
/// conditions of every enabled workflow are compiled in one batch (or loaded from the compiled-condition cache) and
/// bound once. A retired plugin version drops the index: its bound conditions would otherwise keep the old
/// version's load context alive. It also knows which events any instance could be waiting for, so an event that
/// only ever starts workflows costs no look-up of running instances.
/// </summary>
public sealed partial class EnabledWorkflowIndex : IDisposable
{
    private readonly WorkflowDefinitionCache _definitions;
    private readonly IConditionEvaluator _conditions;
    private readonly IPluginCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly IConditionScriptCatalog _scripts;
    private readonly ILogger<EnabledWorkflowIndex> _logger;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile EnabledWorkflowSet? _current;
    private int _retirements;

    public EnabledWorkflowIndex(
        WorkflowDefinitionCache definitions,
        IConditionEvaluator conditions,
        IConditionScriptCatalog scripts,
        IPluginCatalog catalog,
        TimeProvider timeProvider,
        ILogger<EnabledWorkflowIndex> logger)
    {
        _scripts = scripts;
        _definitions = definitions;
        _conditions = conditions;
        _catalog = catalog;
        _timeProvider = timeProvider;
        _logger = logger;
        _catalog.PluginRetired += OnPluginRetired;
    }

    /// <summary>
    /// Read once per event: compiled once, so the read skips LINQ translation and the query-cache look-up, which
    /// cost as much host CPU as the event's own inserts.
    /// </summary>
    private static readonly Func<WorkflowRulesDbContext, CancellationToken, Task<long>> ReadStampAsync = EF.CompileAsyncQuery(
        (WorkflowRulesDbContext db, CancellationToken _) => db.WorkflowCatalogStamps.Where(s => s.Id == WorkflowCatalogStamp.SingletonId).Select(s => s.Value).Single());

    /// <summary>The enabled workflows, current as of this call: what one occurrence is matched against.</summary>
    public async Task<EnabledWorkflowSet> GetSnapshotAsync(WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await ReadStampAsync(db, cancellationToken);
        return _current is { } current && current.Stamp == stamp ? current : await RebuildAsync(db, stamp, cancellationToken);
    }

    /// <summary>
    /// The enabled workflows as this process last read them, without the stamp read, for a caller that stores its
    /// decision with <see cref="EnabledWorkflowSet.Stamp"/> on the event (<see cref="ReceivedEvent.CatalogStamp"/>):
    /// the database refuses that insert when the stamp has moved, and the caller decides again from
    /// <see cref="GetSnapshotAsync"/>. Saves intake a round trip per event.
    /// </summary>
    public ValueTask<EnabledWorkflowSet> GetUnverifiedSnapshotAsync(WorkflowRulesDbContext db, CancellationToken cancellationToken)
        => _current is { } current ? ValueTask.FromResult(current) : new(GetSnapshotAsync(db, cancellationToken));

    private async Task<EnabledWorkflowSet> RebuildAsync(WorkflowRulesDbContext db, long stamp, CancellationToken cancellationToken)
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
            var continuationEvents = await db.Database.SqlQueryRaw<string>(ContinuationEventsSql).ToListAsync(cancellationToken);
            var snapshot = new EnabledWorkflowSet(
                stamp,
                enabled.GroupBy(w => w.Workflow.EntryEvent!, StringComparer.Ordinal)
                    .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<EnabledWorkflow>)[.. g], StringComparer.Ordinal),
                enabled.ToFrozenDictionary(w => w.Workflow.Code, StringComparer.Ordinal),
                continuationEvents.ToFrozenSet(StringComparer.Ordinal));
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
            return (Row: row, Definition: definition, Condition: StepCondition.From(definition.Root?.Condition, null, _scripts), RecordType: recordType);
        }).ToList();

        _conditions.Prepare([.. parsed.Where(p => p.Condition?.Source is not null && p.RecordType is not null).Select(p => (p.Condition!.Source!, p.RecordType!))]);
        return
        [
            .. parsed.Select(p => new EnabledWorkflow(
                p.Row, p.Row.CurrentVersion!, p.Definition, p.Condition,
                p.Condition?.Source is { } source && p.RecordType is not null ? _conditions.Bind(source, p.RecordType) : null)),
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

    /// <summary>
    /// The events an instance of any version may wait for: event steps below the root, and the entry events of workflows
    /// used as sub-workflows (inlined, their root waits). Versions never change, so this only grows with new versions.
    /// </summary>
    private const string ContinuationEventsSql = """
        SELECT DISTINCT s->>'functionName' AS "Value"
          FROM workflow.workflow_versions v, jsonb_array_elements(v.definition_json->'steps') s
         WHERE s->>'type' = 'Event' AND s->>'parentId' IS NOT NULL
        UNION
        SELECT DISTINCT sv.entry_event
          FROM workflow.workflow_versions sv JOIN workflow.workflows w ON w.id = sv.workflow_id
         WHERE w.code IN (SELECT s->>'functionName'
                            FROM workflow.workflow_versions v, jsonb_array_elements(v.definition_json->'steps') s
                           WHERE s->>'type' = 'SubWorkflow')
        """;

    [LoggerMessage(Level = LogLevel.Information, Message = "Enabled workflows loaded: {Count} at catalog stamp {Stamp}, conditions prepared, in {Milliseconds:0} ms.")]
    private static partial void LogRebuilt(ILogger logger, int count, long stamp, double milliseconds);
}
