namespace WorkflowRules.Conditions;

/// <summary>A compile error or an allow-list violation in a condition.</summary>
/// <param name="Line">1-based line in the user's text (for a script, in the file).</param>
/// <param name="Column">1-based column in the user's text.</param>
/// <param name="Message">What is wrong and, when it helps, what to do instead.</param>
/// <param name="OffendingText">The text at that position (e.g. <c>System.IO.File.ReadAllText</c>), when there is one.</param>
public sealed record ConditionDiagnostic(int Line, int Column, string Message, string? OffendingText)
{
    public override string ToString() => $"({Line},{Column}): {Message}";
}
