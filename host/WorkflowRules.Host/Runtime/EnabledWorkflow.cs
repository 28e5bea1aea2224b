using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Runtime;

/// <summary>An enabled workflow as matching needs it: its current version, parsed, with its entry condition's source.</summary>
public sealed record EnabledWorkflow(Workflow Workflow, WorkflowVersion Version, WorkflowDefinition Definition)
{
    public ConditionSource? Condition { get; } = Definition.Root.Condition?.ToSource();
}
