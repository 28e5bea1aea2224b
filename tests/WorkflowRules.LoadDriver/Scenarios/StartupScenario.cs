using System.Diagnostics;
using System.Globalization;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Start-up with 1,000 enabled workflows, each with its own condition on the same event: time from starting the host
/// process to the first event accepted and matched to the right workflow, for two restarts. Then what 1,000 candidate
/// workflows cost one event at intake.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    public string Name => "startup";

    public string Description => "host ready with 1,000 enabled workflows with conditions (target < 5 s)";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var workflows = context.Pick(1000, 20);
        var (host, _) = await context.StartHostAsync(Name, null, cancellationToken);
        var settings = host.Settings;
        try
        {
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < workflows; i = Interlocked.Increment(ref next))
                {
                    await host.Client.CreateWorkflowAsync(BandWorkflow(i), cancellationToken);
                }
            }));
            context.Report.Add(new Figure(Name, $"{workflows} workflows created and enabled over HTTP", $"{watch.Elapsed.TotalSeconds:0.0} s"));

            for (var restart = 1; restart <= 2; restart++)
            {
                await host.DisposeAsync();
                watch.Restart();
                host = await HostProcess.StartAsync(context.Layout, settings, context.ScenarioDirectory(Name), cancellationToken);
                var healthy = watch.Elapsed;
                var band = workflows * 537 / 1000;
                var started = await host.Client.PostEventAsync(BandEvent(context.RunId, restart, band), cancellationToken);
                var ready = watch.Elapsed;
                if (started != 1)
                {
                    throw new InvalidOperationException($"The event for band {band} started {started} instances instead of 1.");
                }

                context.Report.Add(new Figure(Name, $"Restart {restart}: process start → first event accepted and matched ({workflows} workflows)",
                    $"{ready.TotalSeconds:0.00} s (healthy after {healthy.TotalSeconds:0.00} s), working set {host.WorkingSetBytes() / 1048576.0:0} MB", "< 5 s", ready < TimeSpan.FromSeconds(5)));
            }

            var latencies = new List<double>();
            for (var i = 0; i < context.Pick(300, 20); i++)
            {
                var one = Stopwatch.StartNew();
                await host.Client.PostEventAsync(BandEvent(context.RunId, 100 + i, i * 7 % workflows), cancellationToken);
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }

            context.Report.Add(new Figure(Name, $"One event against {workflows} candidate workflows, sequential posts", new Percentiles(latencies).ToString()));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Workflow <paramref name="band"/> reacts to amounts in [band × 10, band × 10 + 10): exactly one matches any amount.</summary>
    private static object BandWorkflow(int band) => new
    {
        code = $"BAND-{band.ToString("0000", CultureInfo.InvariantCulture)}",
        description = $"Amounts from {band * 10} to below {band * 10 + 10}",
        enabled = true,
        entryEvent = PurchaseEvents.EventName,
        condition = $"Record.Amount >= {band * 10} && Record.Amount < {band * 10 + 10} && Record.VendorNo.StartsWith(\"V\", StringComparison.Ordinal)",
        responses = new[] { new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } } },
    };

    private static object BandEvent(string runId, int number, int band) =>
        PurchaseEvents.ApprovalRequested($"{runId}-startup", number, amount: band * 10 + 5);
}
