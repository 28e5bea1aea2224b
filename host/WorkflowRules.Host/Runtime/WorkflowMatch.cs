using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Runtime;

/// <summary>An enabled workflow whose entry event and condition hold for an occurrence.</summary>
public sealed record WorkflowMatch(Workflow Workflow, WorkflowVersion Version, WorkflowDefinition Definition);
