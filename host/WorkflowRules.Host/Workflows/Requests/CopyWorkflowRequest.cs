namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>The new workflow of a copy (or of a workflow created from a template).</summary>
/// <param name="Code">Its code; for a template, the template's code with the first free "-01", "-02"… when absent.</param>
/// <param name="Description">Its description; the source's when absent.</param>
public sealed record CopyWorkflowRequest(string? Code, string? Description);
