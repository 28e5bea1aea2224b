namespace WorkflowRules.Host.Templates;

/// <summary>What restoring the shipped templates did, by template code.</summary>
/// <param name="Added">Shipped templates that were missing.</param>
/// <param name="Updated">Templates whose definition (a new version) or header differed from what is shipped now.</param>
/// <param name="Unchanged">Templates already as shipped.</param>
/// <param name="Removed">Templates no source ships any more.</param>
/// <param name="Skipped">Shipped templates that could not be materialised, with the reason (a workflow has the code).</param>
public sealed record TemplateResetResult(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Removed,
    IReadOnlyDictionary<string, string> Skipped);
