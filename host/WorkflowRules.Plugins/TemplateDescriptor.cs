using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Plugins;

/// <summary>A read-only workflow a plugin ships, to start new workflows from.</summary>
/// <remarks>Either the simple shape (<see cref="Condition"/> and <see cref="Responses"/>) or a full step tree (<see cref="Steps"/>).</remarks>
public sealed record TemplateDescriptor(
    string Code,
    string Description,
    string EntryEvent,
    string? Category,
    string? Condition,
    IReadOnlyList<TemplateResponseDescriptor> Responses,
    string PluginId)
{
    /// <summary>The full step tree, when the plugin gave one (SDK records: safe to keep after the plugin unloads).</summary>
    public IReadOnlyList<TemplateStep> Steps { get; init; } = [];
}
