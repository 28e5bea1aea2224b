using System.Text.Json;

namespace WorkflowRules.Plugins;

/// <summary>One response of a template's chain, with its options (validated when the plugin loaded).</summary>
public sealed record TemplateResponseDescriptor(string FunctionName, JsonElement? Options);
