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
    private readonly ConditionBudgetClock _budget = new(clock, budget);

    public ConditionOutcome Run(ConditionInvoker invoke, object record, object? previous, ConditionEvent evt)
    {
        try
        {
            return invoke(record, previous, evt, _budget) ? ConditionOutcome.True : ConditionOutcome.False;
        }
        catch (ConditionBudgetExceededException e)
        {
            return ConditionOutcome.Failed(ConditionFailures.Stopped(e, budget));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the user's code threw is the user's problem to fix, never the host's to crash on.
            return ConditionOutcome.Failed(ConditionFailures.Threw(e));
        }
    }
}
