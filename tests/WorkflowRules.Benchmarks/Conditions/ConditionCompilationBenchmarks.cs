using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>
/// Warm compiles, as the engine pays them when a workflow version is published: one new condition, and a version
/// of 50 conditions in one batch (<see cref="WorkflowRules.Conditions.IConditionEvaluator.Prepare"/>). Every
/// invocation compiles texts never seen before (no cache, no disk cache), loads them into a collectible context
/// and retires them again, so the process does not grow over the run. The first compile in a fresh process is
/// measured by the <c>first-compile</c> command instead (see README.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 5, iterationCount: 30)]
public class ConditionCompilationBenchmarks
{
    private ConditionsWiring _wiring = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _wiring = new ConditionsWiring();
        // The first compile of the process is not what this class measures; also proves the samples compile.
        var samples = SampleConditions.Range(0, 5);
        _wiring.Evaluator.Prepare(samples);
        SampleConditions.AssertAllRun(_wiring.Evaluator, samples);
        Retire(samples);

        // "Warm" as in a host that has been compiling for a while: the compiler's own code has reached the JIT's
        // optimized tier. A few dozen compiles are not enough for that (measured: 60-230 ms per compile after 40
        // compiles, ~10 ms after a few hundred), and BenchmarkDotNet's warm-up iterations alone would stop there.
        _next = 10;
        for (var i = 0; i < 6; i++)
        {
            CompileVersionOf50();
        }

        for (var i = 0; i < 100; i++)
        {
            CompileOne();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _wiring.Dispose();

    [Benchmark(Description = "Warm compile of 1 new condition")]
    public void CompileOne()
    {
        List<(WorkflowRules.Conditions.ConditionSource, Type)> one = [SampleConditions.Condition(_next++)];
        _wiring.Evaluator.Prepare(one);
        Retire(one);
    }

    [Benchmark(Description = "Warm compile of a 50-condition workflow version (one batch)")]
    public void CompileVersionOf50()
    {
        var version = SampleConditions.Range(_next, 50);
        _next += 50;
        _wiring.Evaluator.Prepare(version);
        Retire(version);
    }

    private void Retire(IEnumerable<(WorkflowRules.Conditions.ConditionSource Source, Type RecordType)> conditions)
    {
        foreach (var (source, recordType) in conditions)
        {
            _wiring.Evaluator.Retire(source, recordType);
        }
    }
}
