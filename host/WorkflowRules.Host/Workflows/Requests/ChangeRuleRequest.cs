namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>A field-change rule: <see cref="Field"/> changed as <see cref="Change"/> says, compared with the previous record.</summary>
public sealed record ChangeRuleRequest
{
    /// <summary>The record's property by its C# name (<c>CreditLimit</c>) or a dotted path (<c>Address.City</c>).</summary>
    public string? Field { get; init; }

    /// <summary><c>Changed</c>, <c>Increased</c> or <c>Decreased</c>.</summary>
    public string? Change { get; init; }
}
