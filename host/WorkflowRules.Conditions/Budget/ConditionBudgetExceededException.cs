namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// Thrown inside a condition by its budget checks. Conditions cannot catch it (try/catch is refused), so it
/// unwinds to the evaluator, which reports a timeout.
/// </summary>
public sealed class ConditionBudgetExceededException : Exception
{
    internal const string TimeMessage = "The condition ran past its time budget and was stopped.";
    internal const string RecursionMessage = "The condition recursed too deeply and was stopped.";

    public ConditionBudgetExceededException()
        : base(TimeMessage)
    {
    }

    public ConditionBudgetExceededException(string message)
        : base(message)
    {
    }

    public ConditionBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the stack limit, not the clock, stopped the condition.</summary>
    public bool IsRecursion => Message == RecursionMessage;
}
