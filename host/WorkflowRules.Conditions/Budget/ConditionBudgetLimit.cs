using System.ComponentModel;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// The time budget of one evaluator, handed to a compiled condition with every evaluation. Public only because
/// generated code names it; conditions themselves cannot (the allow-list refuses it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ConditionBudgetLimit
{
    internal ConditionBudgetLimit(TimeProvider clock, long ticks)
    {
        Clock = clock;
        Ticks = ticks;
    }

    /// <summary>The host's clock.</summary>
    internal TimeProvider Clock { get; }

    /// <summary>The budget in <see cref="Clock"/>'s timestamp ticks.</summary>
    internal long Ticks { get; }
}
