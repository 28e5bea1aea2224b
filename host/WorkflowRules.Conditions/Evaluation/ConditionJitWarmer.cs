using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Has the JIT compile freshly prepared conditions on a background thread instead of on their first
/// evaluation. Code in a collectible assembly is never tiered: each method is compiled once, fully optimized, on its
/// first call (≈ 1.5 ms per condition on a 2-core machine). After a restart with 1,000 enabled workflows that cost
/// ≈ 2 s, and it fell on the first events, in their requests.
/// </summary>
internal sealed partial class ConditionJitWarmer(ILogger logger)
{
    /// <summary>
    /// Fewer conditions than this are left to their first evaluation: a few milliseconds there is not worth a thread
    /// (a workflow version saved with its handful of conditions, or one compile-and-retire after another).
    /// </summary>
    private const int MinimumBatch = 16;

    private const BindingFlags DeclaredMethods =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private readonly Lock _lock = new();
    private readonly Queue<Batch> _pending = new();
    private bool _working;
    private int _warmed;

    /// <summary>How many conditions had their code compiled ahead of their first evaluation (for tests and diagnostics).</summary>
    public int Warmed => Volatile.Read(ref _warmed);

    /// <summary>
    /// Queues the code of <paramref name="conditions"/> for compiling, skipping any that <paramref name="isCurrent"/>
    /// no longer confirms by then (retired meanwhile: its context should be free to unload). Never throws; a condition
    /// whose code cannot be prepared is compiled, and fails, on its first evaluation as it would have without this.
    /// </summary>
    public void Warm(IReadOnlyList<(ConditionKey Key, CompiledCondition Compiled)> conditions, Func<ConditionKey, CompiledCondition, bool> isCurrent)
    {
        if (conditions.Count < MinimumBatch)
        {
            return;
        }

        lock (_lock)
        {
            _pending.Enqueue(new Batch(conditions, isCurrent));
            if (_working)
            {
                return;
            }

            _working = true;
        }

        // One thread of its own, not the thread pool: at start-up a pool busy compiling for seconds delays the
        // requests (health, first events) until it injects more threads, and on two cores this one thread leaves the
        // other to them. It ends when the queue is empty.
        new Thread(WarmPending) { IsBackground = true, Name = "Condition JIT warm-up" }.Start();
    }

    private void WarmPending()
    {
        while (true)
        {
            Batch batch;
            lock (_lock)
            {
                if (!_pending.TryDequeue(out batch!))
                {
                    _working = false;
                    return;
                }
            }

            var started = Stopwatch.GetTimestamp();
            // From the last: the first events evaluate a batch's conditions in the order they were prepared, so the
            // two threads meet halfway instead of queueing for the same methods.
            for (var i = batch.Conditions.Count - 1; i >= 0; i--)
            {
                var (key, compiled) = batch.Conditions[i];
                if (compiled.Invoke is { } invoke && batch.IsCurrent(key, compiled) && TryPrepare(invoke.Method))
                {
                    Interlocked.Increment(ref _warmed);
                }
            }

            LogWarmed(logger, batch.Conditions.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// The bound method, the generated class's other methods and constructors (local functions) and those of its
    /// nested types (lambdas, iterators, closures). Not the methods marked for inlining — the typed method
    /// (<see cref="Compilation.ConditionWrapper"/>) and lowered LINQ calls (<see cref="Lowering.LoweredFunction"/>) — which
    /// the bound one compiles into itself: compiling them on their own as well would double the work. Generic
    /// code is left to its first call: which instantiations it needs is not known here.
    /// </summary>
    private bool TryPrepare(MethodInfo bound)
    {
        try
        {
            RuntimeHelpers.PrepareMethod(bound.MethodHandle);
            var generated = bound.DeclaringType!;
            foreach (var type in generated.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).Prepend(generated))
            {
                if (type.ContainsGenericParameters)
                {
                    continue;
                }

                foreach (var method in type.GetMethods(DeclaredMethods).Concat<MethodBase>(type.GetConstructors(DeclaredMethods)))
                {
                    if (method != bound && !method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveInlining)
                        && !method.IsAbstract && !method.ContainsGenericParameters)
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                }
            }

            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotWarmed(logger, bound.DeclaringType?.FullName, e.Message);
            return false;
        }
    }

    private sealed record Batch(IReadOnlyList<(ConditionKey Key, CompiledCondition Compiled)> Conditions, Func<ConditionKey, CompiledCondition, bool> IsCurrent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled the code of {Count} prepared condition(s) ahead of their first evaluation in {ElapsedMs:0} ms")]
    private static partial void LogWarmed(ILogger logger, int count, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not compile the code of {Class} ahead of its first evaluation: {Reason}")]
    private static partial void LogNotWarmed(ILogger logger, string? @class, string reason);
}
