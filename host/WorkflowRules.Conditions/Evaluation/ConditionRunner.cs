using WorkflowRules.Conditions.Budget;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Runs a compiled condition under the time budget and turns whatever its code throws into a failure. Shared by
/// <see cref="ConditionEvaluator.Evaluate"/> and <see cref="ConditionHandle"/>; the success path allocates nothing.
/// </summary>
internal sealed class ConditionRunner(TimeProvider clock, TimeSpan budget)
{
    private readonly long _budgetTicks = Math.Max(1, (long)(budget.TotalSeconds * clock.TimestampFrequency));

    public ConditionOutcome Run(Func<object, object?, ConditionEvent, bool> invoke, object record, object? previous, ConditionEvent evt)
    {
        ref var state = ref ConditionBudget.Start(clock, _budgetTicks);
        try
        {
            return invoke(record, previous, evt) ? ConditionOutcome.True : ConditionOutcome.False;
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
        finally
        {
            ConditionBudget.End(ref state);
        }
    }
}
