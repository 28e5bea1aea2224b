namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>An event step's condition: inline C# or a script name (not both), field-change rules, or both.</summary>
public sealed record ConditionRequest
{
    /// <summary>Inline C# (an expression, or statements ending in <c>return</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The name of a script in the scripts folder, without <c>.csx</c>.</summary>
    public string? Script { get; init; }

    public IReadOnlyList<ChangeRuleRequest?>? ChangeRules { get; init; }
}
