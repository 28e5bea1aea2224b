using WorkflowRules.Conditions;

namespace WorkflowRules.Host.Workflows.Definitions;

/// <summary>A C# condition, written inline or kept as a file in <c>scripts/</c>.</summary>
/// <param name="Code">Inline C# (an expression, or statements ending in <c>return</c>).</param>
/// <param name="Script">The name of a script in the scripts folder, without <c>.csx</c>.</param>
public sealed record ConditionDefinition(string? Code, string? Script)
{
    public ConditionSource ToSource() => new(Code, Script);

    public override string ToString() => Code ?? $"script '{Script}'";
}
