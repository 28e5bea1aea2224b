using System.Diagnostics;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Processing: events a second from accepted to response done by a Hangfire job, latency percentiles at half that
/// rate, and PostgreSQL commits per event — set against the raw Hangfire ceiling measured in the same run.
/// </summary>
internal sealed class ProcessingScenario : IScenario
{
    public string Name => "processing";

    public string Description => "events/s from accepted to response done by a Hangfire job, vs the raw Hangfire ceiling";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var events = context.Pick(3000, 100);
        var ceiling = context.LastCeiling ?? await HangfireCeilingScenario.MeasureAsync(
            await context.Postgres.CreateDatabaseAsync("processing-ceiling", cancellationToken), events, cancellationToken);

        var (host, connectionString) = await context.StartHostAsync(Name, null, cancellationToken);
        await using (host)
        {
            await host.Client.CreateWorkflowAsync(PurchaseEvents.LargePurchaseWorkflow("LOAD-PROCESSING"), cancellationToken);
            var sequence = 0;
            object Next(int _) => PurchaseEvents.ApprovalRequested(context.RunId + "-processing", Interlocked.Increment(ref sequence));

            // Warm-up: JIT, pools, the condition's compilation, Hangfire's first queries.
            await EventSender.ClosedLoopAsync(host.Client, 4, TimeSpan.FromMinutes(1), 20, Next, cancellationToken);
            await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
            await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
            var commitsBefore = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken);

            var watch = Stopwatch.StartNew();
            var burst = await EventSender.ClosedLoopAsync(host.Client, 8, TimeSpan.FromHours(1), events, Next, cancellationToken);
            await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
            var processedPerSecond = burst.Accepted / watch.Elapsed.TotalSeconds;
            await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
            var commits = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken) - commitsBefore;

            var ratio = processedPerSecond / ceiling.ProcessedPerSecond;
            context.Report.Add(new Figure(Name, $"Processing, {events} events, 1 response each, {DriverHangfire.HostWorkerCount} workers",
                $"{processedPerSecond:0} events/s = {ratio:P0} of raw Hangfire ({ceiling.ProcessedPerSecond:0} jobs/s)", "≥ 80 % of raw Hangfire", ratio >= 0.8));
            context.Report.Add(new Figure(Name, "PostgreSQL commits per event (all of the host's, incl. Hangfire)",
                $"{(double)commits / events:0.0} (raw Hangfire: {ceiling.CommitsPerJob:0.0} per empty job)"));

            var halfRate = Math.Max(5, processedPerSecond / 2);
            var since = await InstanceLatency.DatabaseNowAsync(connectionString, cancellationToken);
            await EventSender.OpenLoopAsync(host.Client, halfRate, context.Pick(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), Next, cancellationToken);
            await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
            var latency = await InstanceLatency.SinceAsync(connectionString, since, cancellationToken);
            context.Report.Add(new Figure(Name, $"Accepted → response done at {halfRate:0} events/s (half)", latency.ToString()));
        }
    }

    private static async Task WaitForCompletedAsync(string connectionString, int expected, CancellationToken cancellationToken)
    {
        if (!await DatabaseProbe.WaitForCountAsync(connectionString, InstanceLatency.CountCompleted, expected, TimeSpan.FromMinutes(10), cancellationToken))
        {
            throw new TimeoutException($"{expected} instances did not complete within 10 minutes.");
        }
    }
}
