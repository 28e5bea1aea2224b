using WorkflowRules.Conditions;
using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Workflows.Definitions;

/// <summary>
/// What must hold for an event step to match: a C# condition (inline or a script in <c>scripts/</c>), field-change
/// rules, or both — all of them must hold.
/// </summary>
/// <param name="Code">Inline C# (an expression, or statements ending in <c>return</c>).</param>
/// <param name="Script">The name of a script in the scripts folder, without <c>.csx</c>.</param>
public sealed record ConditionDefinition(string? Code, string? Script)
{
    /// <summary>Field-change rules compared with the previous record; all must hold.</summary>
    public IReadOnlyList<FieldChangeRule>? ChangeRules { get; init; }

    /// <summary>The C# part, or null when the condition is only change rules.</summary>
    public ConditionSource? ToSource() => Code is null && Script is null ? null : new(Code, Script);

    /// <summary>The condition in words, for people: "Credit Limit is increased and Amount > 1000".</summary>
    public string Describe()
    {
        var parts = (ChangeRules ?? []).Select(FieldChangeRuleEvaluator.Describe).ToList();
        if (Code is not null)
        {
            parts.Add(Code.Trim());
        }
        else if (Script is not null)
        {
            parts.Add($"script '{Script}' holds");
        }

        return parts.Count == 0 ? "always" : string.Join(" and ", parts);
    }

    public override string ToString() => Describe();
}
