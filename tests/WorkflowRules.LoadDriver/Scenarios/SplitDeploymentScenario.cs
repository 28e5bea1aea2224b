using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Split deployment: latency from accepted to response done when an API-only host (<c>Jobs:WorkerCount</c> 0, the
/// default dispatch setting) takes the events and a host with workers on the same database runs them, against the
/// same load sent to the host with workers itself. The API-only host leaves its outbox rows to the other host and
/// announces them with a PostgreSQL NOTIFY; the difference between the two figures is what the hand-over costs.
/// </summary>
internal sealed class SplitDeploymentScenario : IScenario
{
    /// <summary>A steady load both hosts take easily on two cores, so that the figure is the hand-over, not a queue.</summary>
    private const double Rate = 100;

    public string Name => "split";

    public string Description => "accepted → done through an API-only host and a host with workers, vs the host with workers alone";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var (workers, connectionString) = await context.StartHostAsync(Name, null, cancellationToken);
        await using (workers)
        {
            var apiOnlySettings = workers.Settings with { Overrides = new Dictionary<string, string> { ["Jobs:WorkerCount"] = "0" } };
            await using var apiOnly = await HostProcess.StartAsync(context.Layout, apiOnlySettings, context.ScenarioDirectory(Name + "-api-only"), cancellationToken);
            await workers.Client.CreateWorkflowAsync(PurchaseEvents.LargePurchaseWorkflow("LOAD-SPLIT"), cancellationToken);

            var sequence = 0;
            object Next(int _) => PurchaseEvents.ApprovalRequested($"{context.RunId}-{Name}", Interlocked.Increment(ref sequence));
            var warmUp = context.Pick(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2));
            var measured = context.Pick(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
            foreach (var (label, host) in new[] { ("the host with workers itself", workers), ("an API-only host (NOTIFY to the host with workers)", apiOnly) })
            {
                await EventSender.OpenLoopAsync(host.Client, Rate, warmUp, Next, cancellationToken);
                await ProcessingScenario.WaitForCompletedAsync(connectionString, sequence, cancellationToken);
                var since = await InstanceLatency.DatabaseNowAsync(connectionString, cancellationToken);
                await EventSender.OpenLoopAsync(host.Client, Rate, measured, Next, cancellationToken);
                await ProcessingScenario.WaitForCompletedAsync(connectionString, sequence, cancellationToken);
                var latency = await InstanceLatency.SinceAsync(connectionString, since, cancellationToken);
                context.Report.Add(new Figure(Name, $"Accepted → response done at {Rate:0} events/s, events sent to {label}, after {warmUp.TotalSeconds:0} s of warm-up", latency.ToString()));
            }
        }
    }
}
