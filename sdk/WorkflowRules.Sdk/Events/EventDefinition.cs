namespace WorkflowRules.Sdk.Events;

/// <summary>Describes an event a plugin offers.</summary>
/// <param name="FunctionName">Unique, upper-case identifier used in workflow definitions (e.g. <c>PURCHASE_APPROVAL_REQUESTED</c>).</param>
/// <param name="Description">Reads as a sentence starting with "When" (e.g. "When approval of a purchase document is requested").</param>
public sealed record EventDefinition(string FunctionName, string Description)
{
    /// <summary>Whether occurrences carry the previous version of the record, needed by change rules.</summary>
    public bool CarriesPreviousRecord { get; init; }

    /// <summary>Category code (e.g. <c>PURCH</c>) used to group the catalog.</summary>
    public string? Category { get; init; }
}
