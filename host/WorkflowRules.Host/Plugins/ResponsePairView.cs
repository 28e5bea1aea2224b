namespace WorkflowRules.Host.Plugins;

/// <summary>A workflow that uses <paramref name="Response"/> must also use <paramref name="RequiredResponse"/> (revert, then apply).</summary>
/// <param name="Response">The response that needs a partner.</param>
/// <param name="RequiredResponse">Its partner.</param>
/// <param name="PluginId">The plugin that declared the pair (the one offering <paramref name="Response"/>).</param>
public sealed record ResponsePairView(string Response, string RequiredResponse, string PluginId);
