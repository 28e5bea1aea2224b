namespace WorkflowRules.Plugins;

/// <summary>A workflow that uses <paramref name="Response"/> must also use <paramref name="RequiredResponse"/>.</summary>
public sealed record ResponsePairDescriptor(string Response, string RequiredResponse, string PluginId);
