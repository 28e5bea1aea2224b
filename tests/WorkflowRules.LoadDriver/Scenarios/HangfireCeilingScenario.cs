using System.Diagnostics;
using Hangfire;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// The ceiling: raw Hangfire.PostgreSql throughput for empty jobs on the same cluster, settings and worker count as
/// the host, in two phases as the issue quotes it — enqueueing with no server running, then draining the queue.
/// <see cref="ProcessingScenario"/> compares itself with the figures measured here, in the same run.
/// </summary>
internal sealed class HangfireCeilingScenario : IScenario
{
    public string Name => "ceiling";

    public string Description => "raw Hangfire.PostgreSql: empty jobs enqueued/s and processed/s (host settings)";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var connectionString = await context.Postgres.CreateDatabaseAsync(Name, cancellationToken);
        var jobs = context.Pick(3000, 100);
        var result = await MeasureAsync(connectionString, jobs, cancellationToken);
        context.LastCeiling = result;
        context.Report.Add(new Figure(Name, $"Hangfire enqueue, {jobs} empty jobs, 4 client threads, no server", $"{result.EnqueuedPerSecond:0} jobs/s"));
        context.Report.Add(new Figure(Name, $"Hangfire processing of the {jobs} queued jobs, {DriverHangfire.HostWorkerCount} workers",
            $"{result.ProcessedPerSecond:0} jobs/s, {result.CommitsPerJob:0.0} commits/job"));
    }

    public static async Task<CeilingResult> MeasureAsync(string connectionString, int jobs, CancellationToken cancellationToken)
    {
        await using var hangfire = DriverHangfire.CreateStopped(connectionString, "hangfire_ceiling", new JobActivator(), DriverHangfire.HostWorkerCount, TimeSpan.FromSeconds(1));
        var countSucceeded = $"SELECT count(*) FROM {hangfire.Schema}.job WHERE statename = 'Succeeded'";
        const int warmUp = 50;

        // Warm-up of both paths (JIT, connection pool, Hangfire's first queries), then the queue is empty again.
        for (var i = 0; i < warmUp; i++)
        {
            hangfire.Client.Enqueue(() => EmptyJob.Run());
        }

        hangfire.StartServer();
        await DatabaseProbe.WaitForCountAsync(connectionString, countSucceeded, warmUp, TimeSpan.FromMinutes(2), cancellationToken);
        await hangfire.DisposeAsync();

        await using var measured = DriverHangfire.CreateStopped(connectionString, "hangfire_ceiling", new JobActivator(), DriverHangfire.HostWorkerCount, TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () =>
            {
                while (Interlocked.Increment(ref next) <= jobs)
                {
                    measured.Client.Enqueue(() => EmptyJob.Run());
                }
            },
            cancellationToken)));
        var enqueued = watch.Elapsed;

        await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
        var commitsBefore = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken);
        watch.Restart();
        measured.StartServer();
        if (!await DatabaseProbe.WaitForCountAsync(connectionString, countSucceeded, jobs + warmUp, TimeSpan.FromMinutes(10), cancellationToken))
        {
            throw new TimeoutException($"Hangfire did not process {jobs} empty jobs within 10 minutes.");
        }

        var processed = watch.Elapsed;
        await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
        var commits = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken) - commitsBefore;
        return new CeilingResult(jobs / enqueued.TotalSeconds, jobs / processed.TotalSeconds, (double)commits / jobs);
    }
}

/// <summary>What the ceiling measurement found.</summary>
internal sealed record CeilingResult(double EnqueuedPerSecond, double ProcessedPerSecond, double CommitsPerJob);

/// <summary>The job that does nothing, so that only Hangfire's own cost is measured.</summary>
public static class EmptyJob
{
    public static void Run()
    {
    }
}
