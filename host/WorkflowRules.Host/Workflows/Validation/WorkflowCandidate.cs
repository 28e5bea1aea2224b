using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>A workflow version to check: whose it is (to tell it from the others) and its header's category.</summary>
public sealed record WorkflowCandidate(string Code, string? Category, WorkflowDefinition Definition);
