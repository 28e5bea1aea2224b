namespace WorkflowRules.Conditions.Safety;

/// <summary>The reasons given with refusals: one place, so the messages stay consistent and actionable.</summary>
internal static class ConditionRules
{
    public const string AllowedSummary =
        "conditions may only use Record, Previous, Event and Approvals, primitives, string, decimal, dates and times, Guid, Math, " +
        "LINQ (Enumerable), read-only use of lists, dictionaries and sets, and the members of the record's own types.";

    public const string Reflection = "reflection is not available to conditions; compare values, not types.";

    public const string Clock = "a condition must give the same answer whenever it runs; compare with Event.OccurredAt instead.";

    public const string Unbounded = "it produces sequences of any length; work with the record's own collections instead.";

    public const string ReadOnly = "conditions read the record; they cannot change it or its collections (build new values with LINQ instead).";

    public const string Dynamic = "dynamic code cannot be checked before it runs.";

    public const string TryCatch = "a condition cannot catch exceptions: that could hide its time budget. Test for the case instead (e.g. Previous != null).";

    public const string Goto = "goto can loop without a budget check; use a loop or LINQ instead.";

    public const string Directives = "preprocessor directives (#r, #load, #if, #pragma...) are not allowed in conditions.";

    public const string Attributes = "attributes are not allowed in conditions (they reach interop and compiler switches).";

    public const string Unsafe = "unsafe code, pointers and stackalloc are not allowed in conditions.";

    public const string Declarations = "a condition cannot declare types or members; use a local function or a lambda.";

    public const string Threading = "conditions cannot use threads, tasks, locks or async code.";

    public const string Refs = "ref locals, ref returns and the __arglist/__makeref family are not allowed in conditions.";

    /// <summary>Names the engine gives what it generates around a condition (its budget, lowered LINQ calls).</summary>
    public const string ReservedPrefix = "__wr";

    public const string Reserved = "names starting with " + ReservedPrefix + " are reserved for the code the engine generates; choose another name.";

    /// <summary>"X is not allowed in a condition (line L, column C): why".</summary>
    public static string Refusal(string what, int line, int column, string why) =>
        $"{what} is not allowed in a condition (line {line}, column {column}): {why}";
}
