using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// The base of every generated condition class, and the budget state of one evaluation: the checks compiled into
/// the condition at loop bodies and function entries are instance calls on it, so they reach the state through
/// <c>this</c> (a field access) instead of a thread-static (a call into the runtime's TLS resolver, ~3 ns, on every
/// lambda call). Running code never observes a CancellationToken and threads cannot be aborted, so the condition
/// has to stop itself. Public only because generated code derives from it; conditions themselves cannot name it
/// or its members (the allow-list refuses it, and the members exist only in the tree that is emitted).
/// </summary>
/// <remarks>
/// A generated class keeps one instance per thread (a thread-static of the generated class, so it goes away with
/// the condition's load context) and evaluates on it; lambdas that capture nothing are cached in its fields, so
/// they still allocate nothing. One instance runs one evaluation at a time (<see cref="__wr_Begin"/> refuses a
/// second, nested one, which then gets an instance of its own), and only on the thread that owns it, which is
/// what makes the remembered stack address below valid.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Names that no user identifier can meet in the generated class.")]
public abstract class ConditionFrame
{
    /// <summary>How many checks pass between two clock reads: a clock read costs ~35 ns, a check ~1 ns.</summary>
    private const int ChecksPerClockRead = 256;

    /// <summary>
    /// How far the stack may grow between two questions to the runtime: a small part of the reserve (64 KB or
    /// more) that <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/> keeps.
    /// </summary>
    private const int StackCheckInterval = 8 * 1024;

    private int _countdown;

    /// <summary>The complement of the lowest stack address known to leave enough stack (0: none known yet).</summary>
    private nuint _uncheckedBelow;

    private long _deadline;

    /// <summary>The running evaluation's limit; null outside an evaluation (checks then enforce nothing).</summary>
    private ConditionBudgetLimit? _limit;

    private bool _running;

    /// <summary>
    /// Starts an evaluation on this instance; false when one is already running on it (the caller then uses a new
    /// instance). The clock starts at the first clock read, after <see cref="ChecksPerClockRead"/> checks: a
    /// condition that loops or calls lambdas only a little (the usual case: a few lines) never reads the clock at
    /// all. The unmeasured head start is that many loop iterations or calls of straight-line code, microseconds,
    /// against a budget of hundreds of milliseconds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool __wr_Begin(ConditionBudgetLimit limit)
    {
        if (_running)
        {
            return false;
        }

        _running = true;
        _countdown = ChecksPerClockRead;
        _deadline = 0;
        // Written only when it changes (one host, one limit): a reference store costs a GC write barrier.
        if (!ReferenceEquals(_limit, limit))
        {
            _limit = limit;
        }

        return true;
    }

    /// <summary>Ends the evaluation <see cref="__wr_Begin"/> started.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void __wr_End() => _running = false;

    /// <summary>Injected at the top of every loop body.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void __wr_Loop()
    {
        if (--_countdown <= 0)
        {
            ReadClock();
        }
    }

    /// <summary>
    /// Injected at the entry of every lambda and local function: also stops runaway recursion before the stack
    /// overflows (which would kill the process).
    /// </summary>
    /// <remarks>
    /// Asking the runtime how much stack is left costs a call into the runtime; a lambda called per list line
    /// would pay it every time. Instead the deepest stack address already known to be safe is remembered (per
    /// instance, and an instance belongs to one thread), and the runtime is asked again only when the stack grows
    /// <see cref="StackCheckInterval"/> past it: far less than the reserve the runtime keeps for its own answer,
    /// so no frame can overflow between two questions (stackalloc, the only way to make a frame that large, is
    /// refused by the allow-list).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected unsafe void __wr_Enter()
    {
        byte here = 0;
        var address = (nuint)(&here);
        // Stored complemented so that a new instance's zero means "nothing checked yet": the first entry asks.
        if (address < ~_uncheckedBelow)
        {
            CheckStack(address);
        }

        if (--_countdown <= 0)
        {
            ReadClock();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckStack(nuint address)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.RecursionMessage);
        }

        // The thread's stack limit never moves, so this stays true for every later evaluation on this instance.
        _uncheckedBelow = ~(address - StackCheckInterval);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadClock()
    {
        _countdown = ChecksPerClockRead;
        if (!_running || _limit is not { } limit)
        {
            return; // a compiled condition invoked outside an evaluation (tests, tools): no budget to enforce
        }

        var now = limit.Clock.GetTimestamp();
        if (_deadline == 0)
        {
            _deadline = now + limit.Ticks;
        }
        else if (now > _deadline)
        {
            throw new ConditionBudgetExceededException(ConditionBudgetExceededException.TimeMessage);
        }
    }
}
