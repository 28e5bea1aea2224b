namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>The answer to an import, one entry per workflow of the document, in its order.</summary>
public sealed record ImportResult(IReadOnlyList<ImportedWorkflow> Workflows);
