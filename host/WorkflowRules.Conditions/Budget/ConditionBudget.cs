using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// The budget checks compiled into conditions that have lambdas or local functions of their own, at loop bodies and
/// function entries: running code never observes a CancellationToken and threads cannot be aborted, so the
/// condition has to stop itself. (Conditions without functions of their own use the cheaper <see cref="LocalBudget"/>.)
/// Public only because generated code calls it; conditions themselves cannot (the allow-list refuses it).
/// </summary>
/// <remarks>
/// The state is thread-static on purpose: a lambda must reach it without an instance, and a captured instance
/// would make non-capturing lambdas allocate a closure per evaluation. Each evaluation owns its thread's state
/// between <see cref="Start"/> and <see cref="End"/>, which the generated method calls around its body.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConditionBudget
{
    /// <summary>How many checks pass between two clock reads (a power of two): a clock read costs ~35 ns, a check ~1 ns.</summary>
    internal const int ChecksPerClockRead = 256;

    /// <summary>
    /// How far the stack may grow between two questions to the runtime: a small part of the reserve (64 KB or
    /// more) that <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/> keeps.
    /// </summary>
    private const int StackCheckInterval = 8 * 1024;

    // One thread-static struct, reached once per check and once per evaluation (Start returns a ref to it): on
    // some runtime builds every thread-static access is a call into a TLS resolver (~3 ns), which is most of what
    // a check costs, so the number of accesses is what matters.
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

    /// <summary>
    /// Injected at the entry of every lambda and local function: also stops runaway recursion before the stack
    /// overflows (which would kill the process).
    /// </summary>
    /// <remarks>
    /// Asking the runtime how much stack is left costs a call into the runtime; a lambda called per list line
    /// would pay it every time. Instead the deepest stack address already known to be safe is remembered per
    /// thread, and the runtime is asked again only when the stack grows <see cref="StackCheckInterval"/> past
    /// it: far less than the reserve the runtime keeps for its own answer, so no frame can overflow between two
    /// questions (stackalloc, the only way to make a frame that large, is refused by the allow-list).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Enter()
    {
        ref var state = ref t_state;
        byte here = 0;
        var address = (nuint)(&here);
        // Stored complemented so that a thread's zeroed state means "nothing checked yet": the first entry asks.
        if (address < ~state.UncheckedBelow)
        {
            CheckStack(ref state, address);
        }

        if (--state.Countdown <= 0)
        {
            ReadClock(ref state);
        }
    }

    /// <summary>
    /// Starts <paramref name="budget"/> on this thread and returns the thread's state, for <see cref="End"/>. The clock starts at
    /// the first clock read, after <see cref="ChecksPerClockRead"/> checks: a condition that loops or calls lambdas
    /// only a little (the usual case: a few lines) never reads the clock at all. The unmeasured head start is
    /// that many loop iterations or calls of straight-line code, microseconds, against a budget of hundreds of
    /// milliseconds.
    /// </summary>
    public static ref State Start(ConditionBudgetClock budget)
    {
        ref var state = ref t_state;
        state.Budget = budget.BudgetTicks;
        state.Deadline = 0;
        state.Countdown = ChecksPerClockRead;
        // Written only when it changes (one host, one clock): a reference store costs a GC write barrier.
        if (!ReferenceEquals(state.Clock, budget.Clock))
        {
            state.Clock = budget.Clock;
        }

        return ref state;
    }

    /// <summary>Ends the budget <see cref="Start"/> began; checks outside an evaluation enforce nothing.</summary>
    public static void End(ref State state) => state.Budget = 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckStack(ref State state, nuint address)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.RecursionMessage);
        }

        // The thread's stack limit never moves, so this stays true for every later evaluation on the thread.
        state.UncheckedBelow = ~(address - StackCheckInterval);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadClock(ref State state)
    {
        state.Countdown = ChecksPerClockRead;
        if (state.Budget == 0 || state.Clock is not { } clock)
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

    /// <summary>A thread's budget; public (without public members) so that generated code can hold a ref to it between start and end.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct State
    {
        internal int Countdown;

        /// <summary>The complement of the lowest stack address known to leave enough stack (0: none known yet).</summary>
        internal nuint UncheckedBelow;

        internal long Deadline;

        /// <summary>The running evaluation's budget in timestamp ticks; 0 when none is running.</summary>
        internal long Budget;

        /// <summary>Kept after an evaluation: the host's one clock, a singleton.</summary>
        internal TimeProvider? Clock;
    }
}
