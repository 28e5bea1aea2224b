using System.Text.Json;

namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>One response of the simple shape's chain.</summary>
/// <param name="Function">The response's function name.</param>
/// <param name="Options">Its options as a JSON object.</param>
public sealed record WorkflowResponseRequest(string? Function, JsonElement? Options);
