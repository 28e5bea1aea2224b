using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>Another workflow, as far as checking this one needs it.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Enabled">Whether new instances start on it.</param>
/// <param name="IsTemplate">A template never runs.</param>
/// <param name="Definition">Its current version's steps.</param>
public sealed record KnownWorkflow(string Code, bool Enabled, bool IsTemplate, WorkflowDefinition? Definition);
