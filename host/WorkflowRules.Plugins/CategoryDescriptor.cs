namespace WorkflowRules.Plugins;

/// <summary>A category that groups events, responses and workflows; the host's own have a null <paramref name="PluginId"/>.</summary>
public sealed record CategoryDescriptor(string Code, string Description, string? PluginId);
