using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Processing: accepted events turned into completed responses by Hangfire jobs, measured like the ceiling — an
/// API-only host accepts the events (their jobs are enqueued through the outbox), then a host with workers drains
/// them and is timed over the events after its warm-up share — with PostgreSQL commits per event; then latency from
/// accepted to done at a third of that rate, in the host's first 45 s of intake and once warm.
/// </summary>
internal sealed class ProcessingScenario : IScenario
{
    public string Name => "processing";

    public string Description => "events/s from accepted to response done by a Hangfire job, vs the raw Hangfire ceiling";

    /// <summary>The share of the drain rate at which latency is measured: what one host can take while it also accepts the events.</summary>
    private const double LatencyShare = 1.0 / 3;

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var (warmUp, measured) = HangfireCeilingScenario.Counts(context);
        var events = warmUp + measured;
        var ceiling = context.LastCeiling ?? await HangfireCeilingScenario.MeasureAsync(
            await context.Postgres.CreateDatabaseAsync("processing-ceiling", cancellationToken), warmUp, measured, cancellationToken);

        var apiOnly = new Dictionary<string, string> { ["Jobs:WorkerCount"] = "0" };
        var (intakeHost, connectionString) = await context.StartHostAsync(Name, apiOnly, cancellationToken);
        var sequence = 0;
        object Next(int _) => PurchaseEvents.ApprovalRequested(context.RunId + "-processing", Interlocked.Increment(ref sequence));
        await using (intakeHost)
        {
            await intakeHost.Client.CreateWorkflowAsync(PurchaseEvents.LargePurchaseWorkflow("LOAD-PROCESSING"), cancellationToken);
            await EventSender.ClosedLoopAsync(intakeHost.Client, 8, TimeSpan.FromHours(1), events, Next, cancellationToken);
            if (!await DatabaseProbe.WaitForCountAsync(connectionString, "SELECT count(*) FROM workflow.outbox_messages WHERE dispatched_at IS NOT NULL", events, TimeSpan.FromMinutes(5), cancellationToken))
            {
                throw new TimeoutException("The outbox was not dispatched to Hangfire within 5 minutes.");
            }
        }

        await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
        var commitsBefore = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken);
        var settings = intakeHost.Settings with { Overrides = new Dictionary<string, string>() };
        await using var host = await HostProcess.StartAsync(context.Layout, settings, context.ScenarioDirectory(Name), cancellationToken);
        await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
        await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
        var commits = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken) - commitsBefore;
        var drain = await DatabaseProbe.SecondsBetweenAsync(connectionString,
            "SELECT completed_at FROM workflow.workflow_instances WHERE completed_at IS NOT NULL ORDER BY completed_at", warmUp, events, cancellationToken);
        var processedPerSecond = measured / drain;

        var ratio = processedPerSecond / ceiling.ProcessedPerSecond;
        context.Report.Add(new Figure(Name, $"Processing: the last {measured} of {events} queued events, 1 response each, {DriverHangfire.HostWorkerCount} workers",
            $"{processedPerSecond:0} events/s = {ratio:P0} of raw Hangfire ({ceiling.ProcessedPerSecond:0} jobs/s)", "≥ 80 % of raw Hangfire", ratio >= 0.8));
        context.Report.Add(new Figure(Name, "PostgreSQL commits per event while processing (all of the host's, incl. Hangfire)",
            $"{(double)commits / events:0.0} (raw Hangfire: {ceiling.CommitsPerJob:0.0} per empty job)"));

        // Intake and workers now share the two cores, and the intake path of this host is still cold: at half the
        // drain rate the host falls behind for good (seen on a 2-core VM: p50 7-9 s), so a third, after a warm-up at
        // that rate whose own latency is reported too (what a host restarted under load goes through).
        var rate = Math.Max(5, processedPerSecond * LatencyShare);
        var coldSince = await InstanceLatency.DatabaseNowAsync(connectionString, cancellationToken);
        await EventSender.OpenLoopAsync(host.Client, rate, context.Pick(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(2)), Next, cancellationToken);
        await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
        var cold = await InstanceLatency.SinceAsync(connectionString, coldSince, cancellationToken);
        context.Report.Add(new Figure(Name, $"Accepted → response done at {rate:0} events/s (a third), intake and workers in one host, its first 45 s of intake", cold.ToString()));

        var since = await InstanceLatency.DatabaseNowAsync(connectionString, cancellationToken);
        await EventSender.OpenLoopAsync(host.Client, rate, context.Pick(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), Next, cancellationToken);
        await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
        var latency = await InstanceLatency.SinceAsync(connectionString, since, cancellationToken);
        context.Report.Add(new Figure(Name, $"Accepted → response done at {rate:0} events/s (a third), intake and workers in one host, warm", latency.ToString()));
    }

    private static async Task WaitForCompletedAsync(string connectionString, int expected, CancellationToken cancellationToken)
    {
        if (!await DatabaseProbe.WaitForCountAsync(connectionString, InstanceLatency.CountCompleted, expected, TimeSpan.FromMinutes(10), cancellationToken))
        {
            throw new TimeoutException($"{expected} instances did not complete within 10 minutes.");
        }
    }
}
