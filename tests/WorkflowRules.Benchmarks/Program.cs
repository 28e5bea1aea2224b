using BenchmarkDotNet.Running;
using WorkflowRules.Benchmarks.Conditions;

namespace WorkflowRules.Benchmarks;

/// <summary>
/// Entry point. A few measures that BenchmarkDotNet cannot take in one process (cold starts, long-running
/// memory behaviour) are commands of their own; everything else goes to BenchmarkDotNet's switcher, so every
/// BenchmarkDotNet option works (<c>--filter '*Condition*'</c>, <c>--job short</c>, <c>--list flat</c>…).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
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
