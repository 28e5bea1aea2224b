using System.ComponentModel;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// One host's time budget for conditions: its clock and how long an evaluation may run. Every compiled condition
/// receives it as a hidden argument, so that its checks need no thread-static lookup to find out (conditions of
/// several hosts in one process may have different budgets). Public only because generated code names it;
/// conditions themselves cannot (the allow-list refuses it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ConditionBudgetClock
{
    internal ConditionBudgetClock(TimeProvider clock, TimeSpan budget)
    {
        Clock = clock;
        BudgetTicks = Math.Max(1, (long)(budget.TotalSeconds * clock.TimestampFrequency));
    }

    internal TimeProvider Clock { get; }

    /// <summary>The budget in <see cref="Clock"/> timestamp ticks.</summary>
    internal long BudgetTicks { get; }
}
