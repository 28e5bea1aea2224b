using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Runtime;

/// <summary>An enabled workflow as matching needs it: its current version, parsed, and its entry condition.</summary>
/// <param name="Workflow">The workflow row (read-only).</param>
/// <param name="Version">Its current version.</param>
/// <param name="Definition">The version's step tree.</param>
/// <param name="EntryCondition">The entry event's condition, or null when it has none.</param>
/// <param name="BoundCondition">The entry condition's C# bound to the entry event's record type when the index was built; null when it has none or the event's plugin was not loaded then.</param>
public sealed record EnabledWorkflow(
    Workflow Workflow, WorkflowVersion Version, WorkflowDefinition Definition, StepCondition? EntryCondition, ConditionHandle? BoundCondition);
