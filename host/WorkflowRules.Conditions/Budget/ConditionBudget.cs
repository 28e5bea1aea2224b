using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// The budget checks compiled into every condition at loop bodies and function entries: running code never
/// observes a CancellationToken and threads cannot be aborted, so the condition has to stop itself.
/// Public only because generated code calls it; conditions themselves cannot (the allow-list refuses it).
/// </summary>
/// <remarks>
/// The state is thread-static on purpose: generated code must reach it without an instance, and a captured
/// instance would make non-capturing lambdas allocate a closure per evaluation. Each evaluation owns its
/// thread's state between <see cref="Begin"/> and <see cref="End"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConditionBudget
{
    /// <summary>How many checks pass between two clock reads: a clock read costs ~20 ns, a check ~1 ns.</summary>
    private const int ChecksPerClockRead = 256;

    [ThreadStatic]
    private static int t_countdown;

    [ThreadStatic]
    private static long t_deadline;

    [ThreadStatic]
    private static long t_budget;

    [ThreadStatic]
    private static TimeProvider? t_clock;

    /// <summary>Injected at the top of every loop body.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Loop()
    {
        if (--t_countdown <= 0)
        {
            ReadClock();
        }
    }

    /// <summary>Injected at the entry of every lambda and local function: also stops runaway recursion before the stack overflows (which would kill the process).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.RecursionMessage);
        }

        if (--t_countdown <= 0)
        {
            ReadClock();
        }
    }

    /// <summary>
    /// Starts a budget on this thread. The clock starts at the first check, so a condition without loops or
    /// lambdas never reads it; checks come at least every few hundred iterations or calls, so the unmeasured
    /// head start is bounded too.
    /// </summary>
    internal static void Begin(TimeProvider clock, long budgetTimestampTicks)
    {
        t_clock = clock;
        t_budget = budgetTimestampTicks;
        t_deadline = 0;
        t_countdown = 1;
    }

    internal static void End()
    {
        t_clock = null;
        t_deadline = 0;
        t_countdown = ChecksPerClockRead;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadClock()
    {
        t_countdown = ChecksPerClockRead;
        if (t_clock is not { } clock)
        {
            return; // a compiled condition invoked outside an evaluation (tests, tools): no budget to enforce
        }

        var now = clock.GetTimestamp();
        if (t_deadline == 0)
        {
            t_deadline = now + t_budget;
        }
        else if (now > t_deadline)
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.TimeMessage);
        }
    }
}
