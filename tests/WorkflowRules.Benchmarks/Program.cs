using BenchmarkDotNet.Running;
using WorkflowRules.Benchmarks.Conditions;

namespace WorkflowRules.Benchmarks;

/// <summary>
/// Entry point. A few measures that BenchmarkDotNet cannot take in one process (cold starts, long-running
/// memory behaviour) are commands of their own; everything else goes to BenchmarkDotNet's switcher, so every
/// BenchmarkDotNet option works (<c>--filter '*Condition*'</c>, <c>--job short</c>, <c>--list flat</c>…).
/// <c>--smoke</c> runs all of it once, fast, for CI (<see cref="SmokeRun"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            [SmokeRun.Command, .. var rest] => SmokeRun.Run(rest),
            [FirstCompileMeasure.Command, .. var rest] => FirstCompileMeasure.Run(rest),
            [FirstCompileMeasure.ChildCommand, ..] => FirstCompileMeasure.RunChild(),
            [CompileRetireCyclesMeasure.Command, .. var rest] => CompileRetireCyclesMeasure.Run(rest),
            [StartupPrepareMeasure.Command, .. var rest] => StartupPrepareMeasure.Run(rest),
            [StartupPrepareMeasure.ChildCommand, .. var rest] => StartupPrepareMeasure.RunChild(rest),
            _ => RunBenchmarks(args),
        };
    }

    private static int RunBenchmarks(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
