using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.Loader;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>
/// <c>memory-cycles [cycles]</c>: compiles, binds, evaluates and retires that many distinct conditions one after
/// the other (as edits and republished versions do over a host's life) and reports the working set and managed
/// heap before and after, how many condition load contexts are still alive after full garbage collections, and how
/// many methods the JIT has compiled (the process's own code: its count shows how much of the growth is machine code).
/// </summary>
internal static class CompileRetireCyclesMeasure
{
    public const string Command = "memory-cycles";

    /// <summary>The name every condition load context starts with (see ConditionCompiler and CompiledConditionStore).</summary>
    private const string ContextPrefix = "WorkflowRules.Conditions[";

    public static int Run(string[] arguments)
    {
        var cycles = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 10_000;
        using var wiring = new ConditionsWiring();
        var evaluator = wiring.Evaluator;
        var record = SampleConditions.Record();
        var evt = new WorkflowRules.Sdk.Conditions.ConditionEvent("PurchaseDocumentSentForApproval", "alice", DateTimeOffset.UnixEpoch);

        // Warm up (compiler loaded and jitted), so "before" is a running host, not an empty process.
        Cycle(0, 50);
        var (workingSetBefore, heapBefore) = Settle();
        Console.WriteLine($"{cycles:N0} compile-bind-evaluate-retire cycles of distinct conditions (.NET {Environment.Version}, {Environment.ProcessorCount} cores)");
        Console.WriteLine("| After cycles | Working set (MB) | Managed heap (MB) | Condition contexts alive | Methods JIT-compiled |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Print(0, workingSetBefore, heapBefore);

        var started = Stopwatch.GetTimestamp();
        var step = Math.Max(1, cycles / 5);
        for (var done = 0; done < cycles; done += step)
        {
            Cycle(1_000_000 + done, Math.Min(step, cycles - done));
            var (workingSet, heap) = Settle();
            Print(Math.Min(done + step, cycles), workingSet, heap);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var (workingSetAfter, _) = Settle();
        var alive = LiveContexts();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Working set grew {(workingSetAfter - workingSetBefore) / 1048576.0:0.0} MB over {cycles:N0} cycles ({elapsed.TotalMilliseconds / cycles:0.00} ms per cycle); condition contexts alive: {alive}; cached conditions: {wiring.Cache.Count}."));
        return alive == 0 ? 0 : 1;

        void Cycle(int first, int count)
        {
            for (var n = first; n < first + count; n++)
            {
                var (source, recordType) = SampleConditions.Condition(n);
                evaluator.Prepare([(source, recordType)]);
                var outcome = evaluator.Bind(source, recordType).Evaluate(record, record, evt);
                if (!outcome.Succeeded)
                {
                    throw new InvalidOperationException($"{source}: {outcome.Failure!.Message}");
                }

                evaluator.Retire(source, recordType);
            }
        }
    }

    private static (long WorkingSet, long Heap) Settle()
    {
        // Unloading takes a few collections: the context, then its assembly, then what the assembly held. The
        // last one is aggressive so that the GC gives back the free memory it keeps for later allocations: the
        // working set then shows what is still held, not what the GC has on hand.
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: true));
    }

    private static int LiveContexts() =>
        AssemblyLoadContext.All.Count(c => c.Name?.StartsWith(ContextPrefix, StringComparison.Ordinal) == true);

    private static void Print(int cycles, long workingSet, long heap) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cycles:N0} | {workingSet / 1048576.0:0.0} | {heap / 1048576.0:0.0} | {LiveContexts()} | {JitInfo.GetCompiledMethodCount():N0} |"));
}
