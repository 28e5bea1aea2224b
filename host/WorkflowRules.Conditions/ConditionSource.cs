namespace WorkflowRules.Conditions;

/// <summary>
/// Where a condition's C# comes from: inline code stored with the workflow, or the name of a script in the
/// scripts folder (without <c>.csx</c>). Exactly one is set; anything else is reported as invalid, never thrown.
/// </summary>
public sealed record ConditionSource(string? InlineCode, string? ScriptName)
{
    public static ConditionSource Inline(string code) => new(code, null);

    public static ConditionSource Script(string name) => new(null, name);

    /// <summary>True when exactly one of <see cref="InlineCode"/> and <see cref="ScriptName"/> is given.</summary>
    public bool IsWellFormed => string.IsNullOrWhiteSpace(InlineCode) != string.IsNullOrWhiteSpace(ScriptName);

    /// <summary>Short text for logs and messages: the script's name or the start of the inline code.</summary>
    public override string ToString() =>
        ScriptName is { Length: > 0 } name ? $"script '{name}'"
        : InlineCode is { Length: > 60 } code ? $"'{code[..57]}...'"
        : $"'{InlineCode}'";
}
