namespace WorkflowRules.Plugins;

/// <summary>A read-only workflow a plugin ships, to start new workflows from.</summary>
public sealed record TemplateDescriptor(
    string Code,
    string Description,
    string EntryEvent,
    string? Category,
    string? Condition,
    IReadOnlyList<TemplateResponseDescriptor> Responses,
    string PluginId);
