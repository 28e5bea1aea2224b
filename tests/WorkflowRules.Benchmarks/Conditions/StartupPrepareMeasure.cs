using System.Diagnostics;
using System.Globalization;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>
/// <c>startup-prepare [conditions] [launches]</c>: what a host start pays to get the conditions of its enabled
/// workflows ready, each start a fresh process. "Cold" starts with an empty compiled cache folder, "cached"
/// starts find what the cold start wrote there. Two granularities: one <c>Prepare</c> call with every
/// condition (one batch), and one call per workflow (one condition each, as if 1,000 workflows were prepared
/// one by one).
/// </summary>
internal static class StartupPrepareMeasure
{
    public const string Command = "startup-prepare";
    public const string ChildCommand = "startup-prepare-child";

    public static int Run(string[] arguments)
    {
        var count = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 1_000;
        var launches = arguments.Length > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Prepare {count:N0} distinct conditions in a fresh process (.NET {Environment.Version}, {Environment.ProcessorCount} cores)");
        Console.WriteLine("| Granularity | Start | Wiring (ms) | Prepare (ms) | First evaluation of all (ms) | Compiler runs | Loaded from disk |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var granularity in new[] { "one-batch", "per-workflow" })
        {
            var directory = Directory.CreateTempSubdirectory("condition-cache-").FullName;
            try
            {
                Report(granularity, "cold (empty cache)", ChildProcess.Run(ChildCommand, directory, count.ToString(CultureInfo.InvariantCulture), granularity));
                for (var i = 1; i <= launches; i++)
                {
                    Report(granularity, $"cached #{i}", ChildProcess.Run(ChildCommand, directory, count.ToString(CultureInfo.InvariantCulture), granularity));
                }

                var files = Directory.GetFiles(directory);
                Console.WriteLine($"|   | cache folder: {files.Length:N0} files, {files.Sum(f => new FileInfo(f).Length) / 1024.0:N0} KB |  |  |  |  |  |");
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }

    public static int RunChild(string[] arguments)
    {
        var (directory, count, granularity) = (arguments[0], int.Parse(arguments[1], CultureInfo.InvariantCulture), arguments[2]);
        var started = Stopwatch.GetTimestamp();
        using var wiring = new ConditionsWiring(directory);
        var evaluator = wiring.Evaluator;
        var wired = ChildProcess.Milliseconds(started);

        var conditions = SampleConditions.Range(5_000_000, count);
        started = Stopwatch.GetTimestamp();
        if (granularity == "one-batch")
        {
            evaluator.Prepare(conditions);
        }
        else
        {
            foreach (var condition in conditions)
            {
                evaluator.Prepare([condition]);
            }
        }

        var prepared = ChildProcess.Milliseconds(started);
        started = Stopwatch.GetTimestamp();
        SampleConditions.AssertAllRun(evaluator, conditions);
        var evaluated = ChildProcess.Milliseconds(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wired:0} {prepared:0} {evaluated:0} {wiring.Cache.Compiles} {wiring.Cache.LoadedFromDisk}"));
        return 0;
    }

    private static void Report(string granularity, string start, string output)
    {
        var f = output.Split(' ');
        Console.WriteLine($"| {granularity} | {start} | {f[0]} | {f[1]} | {f[2]} | {f[3]} | {f[4]} |");
    }
}
