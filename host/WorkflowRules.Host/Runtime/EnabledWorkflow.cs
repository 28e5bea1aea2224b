using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>An enabled workflow as matching needs it: its current version, parsed, and its entry condition.</summary>
/// <param name="Workflow">The workflow row (read-only).</param>
/// <param name="Version">Its current version.</param>
/// <param name="Definition">The version's step tree.</param>
/// <param name="Condition">The entry condition, or null when it has none.</param>
/// <param name="BoundCondition">The condition bound to the entry event's record type when the index was built; null when the event's plugin was not loaded then.</param>
public sealed record EnabledWorkflow(Workflow Workflow, WorkflowVersion Version, WorkflowDefinition Definition, ConditionSource? Condition, ConditionHandle? BoundCondition)
{
    /// <summary>Evaluates the entry condition for an occurrence, through the bound handle when it fits the occurrence's record type.</summary>
    public ConditionOutcome EvaluateCondition(IConditionEvaluator conditions, EventOccurrence occurrence, ConditionEvent conditionEvent)
    {
        var recordType = occurrence.Event.RecordType.ClrType;
        return BoundCondition is { } bound && bound.RecordType == recordType
            ? bound.Evaluate(occurrence.Record, occurrence.PreviousRecord, conditionEvent)
            // The plugin was reloaded since the index was built: the next rebuild binds again; until then, look it up.
            : conditions.Evaluate(Condition!, recordType, occurrence.Record, occurrence.PreviousRecord, conditionEvent);
    }
}
