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
    /// <summary>How many checks pass between two clock reads: a clock read costs ~35 ns, a check ~1 ns.</summary>
    private const int ChecksPerClockRead = 256;

    // One thread-static struct rather than four fields: one thread-local lookup per check, Begin and End.
    [ThreadStatic]
    private static State t_state;

    /// <summary>Injected at the top of every loop body.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Loop()
    {
        ref var state = ref t_state;
        if (--state.Countdown <= 0)
        {
            ReadClock(ref state);
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

        ref var state = ref t_state;
        if (--state.Countdown <= 0)
        {
            ReadClock(ref state);
        }
    }

    /// <summary>
    /// Starts a budget on this thread. The clock starts at the first clock read, after
    /// <see cref="ChecksPerClockRead"/> checks: a condition that loops or calls lambdas only a little (the usual
    /// case: a few lines) never reads the clock at all. The unmeasured head start is that many loop iterations
    /// or calls of straight-line code, microseconds, against a budget of hundreds of milliseconds.
    /// </summary>
    internal static void Begin(TimeProvider clock, long budgetTimestampTicks)
    {
        ref var state = ref t_state;
        state.Clock = clock;
        state.Budget = budgetTimestampTicks;
        state.Deadline = 0;
        state.Countdown = ChecksPerClockRead;
    }

    internal static void End()
    {
        ref var state = ref t_state;
        state.Clock = null;
        state.Countdown = ChecksPerClockRead;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadClock(ref State state)
    {
        state.Countdown = ChecksPerClockRead;
        if (state.Clock is not { } clock)
        {
            return; // a compiled condition invoked outside an evaluation (tests, tools): no budget to enforce
        }

        var now = clock.GetTimestamp();
        if (state.Deadline == 0)
        {
            state.Deadline = now + state.Budget;
        }
        else if (now > state.Deadline)
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.TimeMessage);
        }
    }

    private struct State
    {
        public int Countdown;
        public long Deadline;
        public long Budget;
        public TimeProvider? Clock;
    }
}
