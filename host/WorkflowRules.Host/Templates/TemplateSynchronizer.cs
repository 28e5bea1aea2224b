using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Persistence;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Templates;

/// <summary>
/// Materialises the shipped templates as read-only workflow rows whenever the plugin catalog changed (at start-up and
/// when plugins come and go): missing ones added, changed ones published as a new version. A reset also removes the
/// templates no source ships any more (a plugin that is only briefly absent keeps its templates otherwise). Writes take the workflow write lock, so hosts sharing a database do not race.
/// </summary>
public sealed partial class TemplateSynchronizer(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    IEnumerable<ITemplateSource> sources,
    IPluginCatalog catalog,
    TimeProvider timeProvider,
    ILogger<TemplateSynchronizer> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _syncedGeneration = -1;

    /// <summary>Brings the templates to what is shipped now (cheap when the catalog did not change).</summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _syncedGeneration) == catalog.Current.Generation)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Read before the templates: a catalog that changes meanwhile leaves an older generation, synced again next time.
            var generation = catalog.Current.Generation;
            if (_syncedGeneration != generation)
            {
                await SyncAsync(reset: false, cancellationToken);
                Interlocked.Exchange(ref _syncedGeneration, generation);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Restores every shipped template to its shipped definition (a new version when it differs) and removes the ones nobody ships.</summary>
    public async Task<TemplateResetResult> ResetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await SyncAsync(reset: true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TemplateResetResult> SyncAsync(bool reset, CancellationToken cancellationToken)
    {
        var shipped = sources.SelectMany(s => s.ListTemplates()).DistinctBy(t => t.Code, StringComparer.Ordinal).ToList();
        var codes = shipped.Select(t => t.Code).ToList();
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await WorkflowWriteLock.BeginAsync(db, cancellationToken);
        var rows = await WorkflowQueries.WithVersions(db, tracking: true)
            .Where(w => codes.Contains(w.Code) || (reset && w.IsTemplate))
            .ToDictionaryAsync(w => w.Code, StringComparer.Ordinal, cancellationToken);

        var (added, updated, unchanged, removed) = (new List<string>(), new List<string>(), new List<string>(), new List<string>());
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow();
        foreach (var template in shipped)
        {
            if (!rows.TryGetValue(template.Code, out var row))
            {
                db.Workflows.Add(TemplateRows.Create(template, now));
                added.Add(template.Code);
            }
            else if (!row.IsTemplate)
            {
                skipped[template.Code] = $"Workflow '{template.Code}' (not a template) has the template's code: rename or delete it, then reset the templates.";
                LogCodeTaken(logger, template.Code, template.Source);
            }
            else
            {
                // Templates are read-only, so bringing one to what its source ships now overwrites nobody's work.
                (TemplateRows.Restore(row, template, now) ? updated : unchanged).Add(template.Code);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows.Values.Where(r => reset && r.IsTemplate && !codes.Contains(r.Code)))
        {
            // Templates never run, so no instance points at their versions; the versions go with the row (cascade).
            await db.Workflows.Where(w => w.Id == row.Id).ExecuteUpdateAsync(
                set => set.SetProperty(w => w.CurrentVersionId, (Guid?)null).SetProperty(w => w.DraftVersionId, (Guid?)null), cancellationToken);
            await db.Workflows.Where(w => w.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
            removed.Add(row.Code);
        }

        await transaction.CommitAsync(cancellationToken);
        if (added.Count + updated.Count + removed.Count > 0)
        {
            LogSynced(logger, added.Count, updated.Count, removed.Count);
        }

        return new TemplateResetResult(added, updated, unchanged, removed, skipped);
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template {Code} of {Source} is not materialised: a workflow that is not a template has its code.")]
    private static partial void LogCodeTaken(ILogger logger, string code, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Templates synchronised: {Added} added, {Updated} restored, {Removed} removed.")]
    private static partial void LogSynced(ILogger logger, int added, int updated, int removed);
}
