namespace WorkflowRules.Sdk.Responses;

/// <summary>Describes a response a plugin offers.</summary>
/// <param name="FunctionName">Unique, upper-case identifier used in workflow definitions (e.g. <c>SET_PURCHASE_STATUS</c>).</param>
/// <param name="Description">Reads as a sentence starting with "Then" (e.g. "Then set the status of the purchase document").</param>
public sealed record ResponseDefinition(string FunctionName, string Description)
{
    /// <summary>Category code (e.g. <c>PURCH</c>) used to group the catalog.</summary>
    public string? Category { get; init; }
}
