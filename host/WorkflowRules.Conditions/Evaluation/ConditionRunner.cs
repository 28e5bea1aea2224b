using WorkflowRules.Conditions.Budget;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Runs a compiled condition under the host's time budget (which the condition's own checks enforce) and turns
/// whatever its code throws into a failure. Shared by <see cref="ConditionEvaluator.Evaluate"/> and
/// <see cref="ConditionHandle"/>; the success path allocates nothing.
/// </summary>
internal sealed class ConditionRunner(TimeProvider clock, TimeSpan budget)
{
    /// <summary>What every compiled condition receives as its last argument.</summary>
    public ConditionBudgetClock Budget { get; } = new(clock, budget);

    public ConditionOutcome Run(ConditionInvoker invoke, object record, object? previous, ConditionEvent evt)
    {
        try
        {
            return invoke(record, previous, evt, Budget) ? ConditionOutcome.True : ConditionOutcome.False;
        }
        catch (Exception e) when (IsTheConditions(e))
        {
            return Failed(e);
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown by a condition's code, is the condition's problem: whatever
    /// the user's code threw is the user's to fix, never the host's to crash on. Out of memory is the process's.
    /// </summary>
    public static bool IsTheConditions(Exception exception) => exception is not OutOfMemoryException;

    /// <summary>The failure for an exception that <see cref="IsTheConditions"/>.</summary>
    public ConditionOutcome Failed(Exception exception) => ConditionOutcome.Failed(exception is ConditionBudgetExceededException stopped
        ? ConditionFailures.Stopped(stopped, budget)
        : ConditionFailures.Threw(exception));
}
