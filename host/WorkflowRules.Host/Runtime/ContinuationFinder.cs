using Microsoft.EntityFrameworkCore;
using WorkflowRules.Conditions;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Finds the running instances an occurrence continues: instances of the occurrence's record — or of the record it
/// belongs to, as a plugin declares (an approval entry belongs to its document) — with an active event step of that
/// event. Instances are tried oldest first; in each, the waiting steps are tried by parent and sibling order and the
/// first whose condition holds wins (the alternatives it beats are ignored when it completes).
/// </summary>
public sealed class ContinuationFinder(
    WorkflowDefinitionCache definitions,
    IConditionScriptCatalog scripts,
    StepConditionEvaluator evaluator)
{
    /// <summary>
    /// The live instances that wait for the occurrence's event — or will, once the responses they are running are
    /// done (the step is still inactive then) — tracked, oldest first.
    /// </summary>
    public async Task<List<WorkflowInstance>> FindWaitingAsync(
        WorkflowRulesDbContext db, EventOccurrence occurrence, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var name = occurrence.Event.FunctionName;
        var keys = new List<(string Type, string Key)> { (occurrence.Event.RecordType.Name, occurrence.RecordKey) };
        foreach (var relation in catalog.RecordRelations.Where(r => r.RecordType == occurrence.Event.RecordType.Name))
        {
            if (relation.GetRelatedKey(occurrence.Record) is { } related)
            {
                keys.Add((relation.RelatedRecordType, related));
            }
        }

        var found = new List<WorkflowInstance>();
        foreach (var (type, key) in keys.Distinct())
        {
            found.AddRange(await db.WorkflowInstances
                .Include(i => i.Steps)
                .Where(i => i.ArchivedAt == null && i.RecordType == type && i.RecordKey == key
                    && i.Steps.Any(s => s.Type == StepType.Event && s.FunctionName == name
                        && (s.Status == StepStatus.Active || s.Status == StepStatus.Inactive)))
                .ToListAsync(cancellationToken));
        }

        return [.. found.DistinctBy(i => i.Id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)];
    }

    /// <summary>The waiting step of an idle instance that the occurrence matches, or null.</summary>
    public async Task<InstanceStep?> MatchAsync(
        WorkflowRulesDbContext db, WorkflowInstance instance, EventOccurrence occurrence, List<ConditionError> errors, CancellationToken cancellationToken)
    {
        var waiting = instance.Steps
            .Where(s => s.Type == StepType.Event && s.Status == StepStatus.Active && s.FunctionName == occurrence.Event.FunctionName)
            .OrderBy(s => s.ParentStepId, StringComparer.Ordinal).ThenBy(s => s.Sequence).ThenBy(s => s.StepId, StringComparer.Ordinal)
            .ToList();
        var conditions = new List<(InstanceStep Step, StepCondition? Condition)>();
        foreach (var step in waiting)
        {
            var definition = definitions.TryGet(step.DefinitionVersionId)
                ?? definitions.Get(await db.WorkflowVersions.AsNoTracking().SingleAsync(v => v.Id == step.DefinitionVersionId, cancellationToken));
            conditions.Add((step, StepCondition.From(definition.FindStep(step.DefinitionStepId)?.Condition, step.ScriptCode, scripts)));
        }

        var conditionEvent = new ConditionEvent(occurrence.Event.FunctionName, occurrence.ActingUser, occurrence.OccurredAt);
        if (conditions.Any(c => c.Condition?.ReadsApprovals == true))
        {
            conditionEvent = conditionEvent with
            {
                Approvals = await ApprovalStateReader.ReadAsync(db, instance.RecordType, instance.RecordKey, instance.Id, cancellationToken),
            };
        }

        foreach (var (step, condition) in conditions)
        {
            var outcome = evaluator.Evaluate(condition, occurrence, conditionEvent);
            if (outcome.Failure is { } failure)
            {
                errors.Add(new ConditionError(instance.WorkflowCode, instance.WorkflowVersionNumber, $"Step '{step.StepId}' of instance {instance.Id}: {failure.Message}"));
                continue;
            }

            if (outcome.Holds)
            {
                return step;
            }
        }

        return null;
    }
}
