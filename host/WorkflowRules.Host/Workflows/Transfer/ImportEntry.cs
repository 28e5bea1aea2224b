using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>One readable workflow of an import document.</summary>
public sealed record ImportEntry(string Code, string Description, string? Category, WorkflowDefinition Definition);
