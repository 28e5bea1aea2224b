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
/// Then as many cycles again from a compiler the JIT has finished tiering: the first thousands of compiles grow the
/// process once (tiered PGO compiles Roslyn's hot methods twice more), which is not what a retired condition leaves.
/// </summary>
internal static class CompileRetireCyclesMeasure
{
    public const string Command = "memory-cycles";

    /// <summary>The name every condition load context starts with (see ConditionCompiler and CompiledConditionStore).</summary>
    private const string ContextPrefix = "WorkflowRules.Conditions[";

    /// <summary>
    /// The JIT counts as done with the compiler when a chunk of cycles compiles no more methods per cycle than this:
    /// a condition's own are 2 or 3 (its method, its typed twin, a lambda), freed with it.
    /// </summary>
    private const double SettledMethodsPerCycle = 5;

    public static int Run(string[] arguments)
    {
        var cycles = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 10_000;
        using var wiring = new ConditionsWiring();
        var evaluator = wiring.Evaluator;
        var record = SampleConditions.Record();
        var evt = new WorkflowRules.Sdk.Conditions.ConditionEvent("PurchaseDocumentSentForApproval", "alice", DateTimeOffset.UnixEpoch);

        // Warm up (compiler loaded and jitted), so "before" is a running host, not an empty process.
        Cycle(0, 50);
        Console.WriteLine($"{cycles:N0} compile-bind-evaluate-retire cycles of distinct conditions (.NET {Environment.Version}, {Environment.ProcessorCount} cores)");
        var started = Stopwatch.GetTimestamp();
        var grown = MeasureCycles(1_000_000);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var alive = LiveContexts();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Working set grew {grown / 1048576.0:0.0} MB over {cycles:N0} cycles ({elapsed.TotalMilliseconds / cycles:0.00} ms per cycle); condition contexts alive: {alive}; cached conditions: {wiring.Cache.Count}."));

        // Chunks of 500 cycles (fewer in a short run), for at most four times the run: a smoke run stays short.
        var chunk = Math.Clamp(cycles / 4, 1, 500);
        var extra = 0;
        var settled = false;
        while (!settled && extra < 4 * cycles)
        {
            settled = ChunkSettled(2_000_000 + extra);
            extra += chunk;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The same again, {(settled ? "from a settled compiler" : "NOT settled")}: fewer than {SettledMethodsPerCycle} methods JIT-compiled per cycle over {chunk} cycles {(settled ? "reached" : "not reached")} after {cycles + extra:N0} cycles."));
        grown = MeasureCycles(3_000_000);
        var aliveAfterSettled = LiveContexts();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"From there the working set grew {grown / 1048576.0:0.0} MB over {cycles:N0} cycles; condition contexts alive: {aliveAfterSettled}."));
        return alive + aliveAfterSettled == 0 ? 0 : 1;

        // Runs the cycles in five steps, printing the table, and returns how much the working set grew.
        long MeasureCycles(int firstNumber)
        {
            var (workingSetBefore, heapBefore) = Settle();
            Console.WriteLine("| After cycles | Working set (MB) | Managed heap (MB) | Condition contexts alive | Methods JIT-compiled |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            Print(0, workingSetBefore, heapBefore);
            var step = Math.Max(1, cycles / 5);
            for (var done = 0; done < cycles; done += step)
            {
                Cycle(firstNumber + done, Math.Min(step, cycles - done));
                var (workingSet, heap) = Settle();
                Print(Math.Min(done + step, cycles), workingSet, heap);
            }

            return Settle().WorkingSet - workingSetBefore;
        }

        bool ChunkSettled(int first)
        {
            var methodsBefore = JitInfo.GetCompiledMethodCount();
            Cycle(first, chunk);
            return JitInfo.GetCompiledMethodCount() - methodsBefore < SettledMethodsPerCycle * chunk;
        }

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
