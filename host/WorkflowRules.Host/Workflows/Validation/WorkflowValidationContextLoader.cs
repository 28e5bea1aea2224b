using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>Loads what checking workflows needs to know about the others, with as few reads as the check allows.</summary>
public static class WorkflowValidationContextLoader
{
    // Sub-workflows nest rarely more than two deep; the bound only stops a pathological chain from looping the loader.
    private const int MaxSubWorkflowDepth = 16;

    /// <summary>Every workflow (for listing many at once).</summary>
    public static async Task<WorkflowValidationContext> LoadAllAsync(WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(await LoadAsync(db.Workflows, cancellationToken));
    }

    /// <summary>
    /// The enabled workflows sharing an entry event with <paramref name="definitions"/>, and every workflow their
    /// sub-workflow steps reach, directly or through other sub-workflows.
    /// </summary>
    public static async Task<WorkflowValidationContext> LoadForAsync(
        WorkflowRulesDbContext db, IReadOnlyCollection<WorkflowDefinition> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definitions);
        var entryEvents = definitions.Select(d => d.Root).Where(r => r?.Type == StepType.Event).Select(r => r!.FunctionName).Distinct().ToList();
        var known = (await LoadAsync(db.Workflows.Where(w => w.Enabled && w.EntryEvent != null && entryEvents.Contains(w.EntryEvent)), cancellationToken))
            .ToDictionary(w => w.Code, StringComparer.Ordinal);

        var pending = SubWorkflowCodes(definitions).Where(code => !known.ContainsKey(code)).ToHashSet(StringComparer.Ordinal);
        for (var depth = 0; pending.Count > 0 && depth < MaxSubWorkflowDepth; depth++)
        {
            var codes = pending.ToList();
            foreach (var workflow in await LoadAsync(db.Workflows.Where(w => codes.Contains(w.Code)), cancellationToken))
            {
                known[workflow.Code] = workflow;
            }

            pending = SubWorkflowCodes(codes.Select(known.GetValueOrDefault).Select(w => w?.Definition).OfType<WorkflowDefinition>())
                .Where(code => !known.ContainsKey(code) && !codes.Contains(code))
                .ToHashSet(StringComparer.Ordinal);
        }

        return new(known.Values);
    }

    private static IEnumerable<string> SubWorkflowCodes(IEnumerable<WorkflowDefinition> definitions) =>
        definitions.SelectMany(d => d.Steps).Where(s => s.Type == StepType.SubWorkflow).Select(s => s.FunctionName).Distinct(StringComparer.Ordinal);

    private static async Task<List<KnownWorkflow>> LoadAsync(IQueryable<Persistence.Workflows.Workflow> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .Select(w => new { w.Code, w.Enabled, w.IsTemplate, Json = w.CurrentVersion == null ? null : w.CurrentVersion.DefinitionJson })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new KnownWorkflow(r.Code, r.Enabled, r.IsTemplate, r.Json is null ? null : DefinitionJson.Deserialize(r.Json)))];
    }
}
