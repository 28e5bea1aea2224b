namespace WorkflowRules.Sdk.Templates;

/// <summary>One response of a template's chain.</summary>
/// <param name="FunctionName">The response's function name.</param>
/// <param name="OptionsJson">The response's options as a JSON object, or null for the defaults.</param>
public sealed record TemplateResponse(string FunctionName, string? OptionsJson = null);
