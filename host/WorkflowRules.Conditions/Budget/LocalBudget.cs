using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// The budget of a condition that has no lambdas or local functions of its own (after LINQ lowering, most
/// conditions): a local of the generated method, checked at the top of every loop body. No thread-static state, so
/// a check costs a local increment and a branch; like <see cref="ConditionBudget"/> it reads the clock only every
/// <see cref="ConditionBudget.ChecksPerClockRead"/> checks and starts the clock at the first read. Such a condition
/// cannot recurse (only lambdas and local functions can), so it needs no stack guard either.
/// Public only because generated code declares it; conditions themselves cannot (the allow-list refuses it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct LocalBudget
{
    private int _checks;
    private long _deadline;

    /// <summary>Injected at the top of every loop body of a condition without functions of its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Check(ConditionBudgetClock budget)
    {
        if ((++_checks & (ConditionBudget.ChecksPerClockRead - 1)) == 0)
        {
            ReadClock(budget);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadClock(ConditionBudgetClock budget)
    {
        var now = budget.Clock.GetTimestamp();
        if (_deadline == 0)
        {
            _deadline = now + budget.BudgetTicks;
        }
        else if (now > _deadline)
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.TimeMessage);
        }
    }
}
