using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using WorkflowRules.Benchmarks.Conditions;

namespace WorkflowRules.Benchmarks;

/// <summary>
/// <c>--smoke</c>: proves that every benchmark and every custom measure still runs, fast, for CI. Every
/// BenchmarkDotNet benchmark runs once (dry job: one launch, no warm-up, one iteration of one invocation) in this
/// process (no per-benchmark project build), then every custom measure with tiny counts. No figure is asserted, so
/// a busy machine cannot fail it; a benchmark that throws, a measure that fails or a context that does not unload
/// does (exit code 1).
/// </summary>
internal static class SmokeRun
{
    public const string Command = "--smoke";

    public static int Run(string[] arguments)
    {
        var results = new List<(string Step, bool Passed, TimeSpan Elapsed)>();
        Step("BenchmarkDotNet: every benchmark, dry job, in process", () => Benchmarks(arguments));
        Step($"{FirstCompileMeasure.Command} 1", () => FirstCompileMeasure.Run(["1"]) == 0);
        Step($"{CompileRetireCyclesMeasure.Command} 50", () => CompileRetireCyclesMeasure.Run(["50"]) == 0);
        Step($"{StartupPrepareMeasure.Command} 20 1", () => StartupPrepareMeasure.Run(["20", "1"]) == 0);

        Console.WriteLine();
        Console.WriteLine("Smoke run:");
        foreach (var (step, passed, elapsed) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(passed ? "ok    " : "FAILED")} {step} ({elapsed.TotalSeconds:0.0} s)"));
        }

        var failed = results.Count(r => !r.Passed);
        Console.WriteLine(failed == 0 ? "Smoke run passed." : $"Smoke run failed: {failed} of {results.Count} steps.");
        return failed == 0 ? 0 : 1;

        void Step(string name, Func<bool> run)
        {
            Console.WriteLine($"=== smoke: {name}");
            var started = Stopwatch.GetTimestamp();
            bool passed;
            try
            {
                passed = run();
            }
            catch (Exception e)
            {
                Console.WriteLine($"{name} threw: {e}");
                passed = false;
            }

            results.Add((name, passed, Stopwatch.GetElapsedTime(started)));
        }
    }

    /// <summary>Every benchmark once; extra arguments are appended to BenchmarkDotNet's (options it does not get already).</summary>
    private static bool Benchmarks(string[] extra)
    {
        // Reports go to a temporary folder: a smoke run's figures mean nothing and should not litter the checkout.
        var artifacts = Path.Combine(Path.GetTempPath(), "workflowrules-benchmarks-smoke");
        string[] arguments = ["--filter", "*", "--job", "dry", "--inProcess", "--stopOnFirstError", "--artifacts", artifacts, .. extra];
        // A class's own [SimpleJob] is added to the command line's jobs, not replaced by them: keep only the dry,
        // in-process cases, so a class with a job of its own neither runs its long job nor builds a project for it.
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddFilter(new SimpleFilter(c => c.Job.Infrastructure.Toolchain is { IsInProcess: true }));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments, config).ToList();
        var problems = summaries.SelectMany(Problems).ToList();
        if (summaries.Count == 0 || summaries.Sum(s => s.BenchmarksCases.Length) == 0)
        {
            problems.Add("no benchmark ran");
        }

        foreach (var problem in problems)
        {
            Console.WriteLine($"Benchmark failure: {problem}");
        }

        return problems.Count == 0;
    }

    private static IEnumerable<string> Problems(Summary summary)
    {
        if (summary.HasCriticalValidationErrors)
        {
            foreach (var error in summary.ValidationErrors.Where(e => e.IsCritical))
            {
                yield return $"{summary.Title}: {error.Message}";
            }
        }

        foreach (var report in summary.Reports.Where(r => !r.Success || r.ResultStatistics is null))
        {
            yield return $"{report.BenchmarkCase.DisplayInfo} did not produce a result";
        }
    }
}
