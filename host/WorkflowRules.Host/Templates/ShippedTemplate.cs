using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Templates;

/// <summary>A template as its source ships it, ready to be materialised as a read-only workflow.</summary>
/// <param name="Code">Unique workflow code.</param>
/// <param name="Description">What a workflow created from it does.</param>
/// <param name="Category">Category code, or null.</param>
/// <param name="Source">Who ships it: a plugin id, or <c>host</c>.</param>
/// <param name="Definition">Its steps.</param>
public sealed record ShippedTemplate(string Code, string Description, string? Category, string Source, WorkflowDefinition Definition);
