namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>One imported workflow: what was done, the version written, and what stops it from being enabled (unknown functions, scripts, sub-workflows, fields…).</summary>
public sealed record ImportedWorkflow(string Code, ImportOutcome Outcome, int Version, bool Valid, IDictionary<string, string[]> Problems);
