using System.Diagnostics;
using WorkflowRules.LoadDriver.Infrastructure;
using WorkflowRules.LoadDriver.Scenarios;

namespace WorkflowRules.LoadDriver;

/// <summary>
/// <c>dotnet run -c Release --project tests/WorkflowRules.LoadDriver -- [scenario…] [--smoke]</c>: runs the named
/// scenarios (all when none is named) against a private PostgreSQL and the real host, prints each figure as it is
/// measured and a Markdown table at the end (also written to artifacts/load-results/).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        IScenario[] all =
        [
            new IntakeScenario(), new HangfireCeilingScenario(), new ProcessingScenario(), new BurstScenario(),
            new EscalationScenario(), new StartupScenario(),
            new PluginReloadScenario(), new SplitDeploymentScenario(),
        ];
        var smoke = args.Contains("--smoke");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (args.Contains("--help") || names.Except(all.Select(s => s.Name), StringComparer.OrdinalIgnoreCase).Any())
        {
            Console.WriteLine("usage: WorkflowRules.LoadDriver [scenario…] [--smoke]");
            foreach (var scenario in all)
            {
                Console.WriteLine($"  {scenario.Name,-12} {scenario.Description}");
            }

            return args.Contains("--help") ? 0 : 2;
        }

        var selected = all.Where(s => names.Count == 0 || names.Contains(s.Name)).ToList();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var layout = RepositoryLayout.Locate();
        var workDirectory = Path.Combine(Path.GetTempPath(), $"workflowrules-load-{Environment.ProcessId}");
        var report = new FigureReport();
        var failures = 0;
        Console.WriteLine($"WorkflowRules load driver: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {layout.Configuration} host, {(smoke ? "smoke run (figures mean nothing)" : "full run")}");
        Console.WriteLine($"Work folder: {workDirectory}");
        await using (var postgres = await PostgresForLoad.StartAsync(workDirectory, cancellation.Token))
        {
            var context = new ScenarioContext(layout, postgres, workDirectory, smoke, report);
            foreach (var scenario in selected)
            {
                Console.WriteLine($"== {scenario.Name}: {scenario.Description}");
                var watch = Stopwatch.StartNew();
                try
                {
                    await scenario.RunAsync(context, cancellation.Token);
                    Console.WriteLine($"   ({watch.Elapsed.TotalSeconds:0.0} s)");
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failures++;
                    Console.Error.WriteLine($"Scenario {scenario.Name} failed: {exception}");
                }
            }
        }

        var table = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(table);
        var results = Path.Combine(layout.Root, "artifacts", "load-results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, smoke ? "smoke.md" : "latest.md"), table + Environment.NewLine);
        if (failures == 0)
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        else
        {
            Console.Error.WriteLine($"{failures} scenario(s) failed; host logs kept in {workDirectory}.");
        }

        return failures == 0 ? 0 : 1;
    }
}
