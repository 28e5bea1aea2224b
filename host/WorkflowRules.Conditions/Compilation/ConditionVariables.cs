namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// The names every condition can read without declaring them: the generated method's parameters and the locals
/// the wrapper declares before the user's text. A condition cannot declare variables of the same names.
/// </summary>
internal static class ConditionVariables
{
    public const string ApprovalsName = "Approvals";

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["Record"] = "the record the event is about",
        ["Previous"] = "the record's previous version",
        ["Event"] = "the event",
        [ApprovalsName] = "the record's approval state: Approvals.Pending, Approved, Rejected and PendingForRecord",
    };

    /// <summary>What the variable <paramref name="name"/> stands for, or null when no condition variable has that name.</summary>
    public static string? Meaning(string? name) => name is not null && Meanings.TryGetValue(name, out var meaning) ? meaning : null;
}
