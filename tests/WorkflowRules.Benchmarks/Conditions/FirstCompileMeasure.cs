using System.Diagnostics;
using System.Globalization;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>
/// <c>first-compile [launches]</c>: the first compile of a condition in a fresh process, which BenchmarkDotNet
/// cannot repeat in one process (the second compile is already warm). Each launch is a new process that wires
/// the conditions feature, compiles one condition (timed), then a second, different one (timed, for contrast).
/// </summary>
internal static class FirstCompileMeasure
{
    public const string Command = "first-compile";
    public const string ChildCommand = "first-compile-child";

    public static int Run(string[] arguments)
    {
        var launches = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"First compile in a fresh process, {launches} launches (.NET {Environment.Version}, {Environment.ProcessorCount} cores)");
        Console.WriteLine("| Launch | Wiring (ms) | First compile (ms) | Second compile (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        var firsts = new List<double>();
        for (var i = 1; i <= launches; i++)
        {
            var figures = ChildProcess.Run(ChildCommand).Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            firsts.Add(figures[1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i} | {figures[0]:0.0} | {figures[1]:0.0} | {figures[2]:0.0} |"));
        }

        firsts.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First compile: median {firsts[firsts.Count / 2]:0} ms, min {firsts[0]:0} ms, max {firsts[^1]:0} ms"));
        return 0;
    }

    public static int RunChild()
    {
        var started = Stopwatch.GetTimestamp();
        using var wiring = new ConditionsWiring();
        var evaluator = wiring.Evaluator;
        var wired = ChildProcess.Milliseconds(started);

        started = Stopwatch.GetTimestamp();
        evaluator.Prepare([SampleConditions.Condition(1)]);
        var first = ChildProcess.Milliseconds(started);

        started = Stopwatch.GetTimestamp();
        evaluator.Prepare([SampleConditions.Condition(2)]);
        var second = ChildProcess.Milliseconds(started);

        SampleConditions.AssertAllRun(evaluator, [SampleConditions.Condition(1), SampleConditions.Condition(2)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wired:0.0} {first:0.0} {second:0.0}"));
        return 0;
    }
}
