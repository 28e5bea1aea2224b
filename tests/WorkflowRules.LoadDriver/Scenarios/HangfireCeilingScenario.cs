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
        var (warmUp, measured) = Counts(context);
        var result = await MeasureAsync(connectionString, warmUp, measured, cancellationToken);
        context.LastCeiling = result;
        context.Report.Add(new Figure(Name, $"Hangfire enqueue, {warmUp + measured} empty jobs, 4 client threads, no server", $"{result.EnqueuedPerSecond:0} jobs/s"));
        context.Report.Add(new Figure(Name, $"Hangfire processing: the last {measured} of the {warmUp + measured} queued jobs, {DriverHangfire.HostWorkerCount} workers",
            $"{result.ProcessedPerSecond:0} jobs/s, {result.CommitsPerJob:0.0} commits/job, machine CPU/job {result.CpuPerJob}"));
    }

    /// <summary>
    /// How many queued jobs (or events) warm a process up and how many are then measured, for the ceiling and for
    /// <see cref="ProcessingScenario"/> alike: both drain one queue of warm-up plus measured items and are timed over
    /// the measured ones only, so neither figure includes a cold process's JIT warm-up.
    /// </summary>
    public static (int WarmUp, int Measured) Counts(ScenarioContext context) => (context.Pick(9000, 20), context.Pick(3000, 100));

    public static async Task<CeilingResult> MeasureAsync(string connectionString, int warmUp, int measured, CancellationToken cancellationToken)
    {
        await using var hangfire = DriverHangfire.CreateStopped(connectionString, "hangfire_ceiling", new JobActivator(), DriverHangfire.HostWorkerCount, TimeSpan.FromSeconds(1));
        var jobs = warmUp + measured;
        var watch = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () =>
            {
                while (Interlocked.Increment(ref next) <= jobs)
                {
                    hangfire.Client.Enqueue(() => EmptyJob.Run());
                }
            },
            cancellationToken)));
        var enqueued = watch.Elapsed;

        await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
        var commitsBefore = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken);
        hangfire.StartServer();
        var cpuPerJob = await DrainWindow.CpuPerItemAsync(
            connectionString, DrainWindow.DoneInHangfireQueue(hangfire.Schema, jobs), warmUp, jobs, DriverCpu.Used, TimeSpan.FromMinutes(10), cancellationToken);

        await Task.Delay(DatabaseProbe.StatisticsDelay, cancellationToken);
        var commits = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken) - commitsBefore;
        var succeededAt = $"SELECT createdat FROM {hangfire.Schema}.state WHERE name = 'Succeeded' ORDER BY createdat";
        var seconds = await DatabaseProbe.SecondsBetweenAsync(connectionString, succeededAt, warmUp, jobs, cancellationToken);
        return new CeilingResult(jobs / enqueued.TotalSeconds, measured / seconds, (double)commits / jobs, cpuPerJob);
    }
}

/// <summary>What the ceiling measurement found; <paramref name="CpuPerJob"/> is the whole machine's, over the measured jobs.</summary>
internal sealed record CeilingResult(double EnqueuedPerSecond, double ProcessedPerSecond, double CommitsPerJob, CpuPerItem CpuPerJob);

/// <summary>The job that does nothing, so that only Hangfire's own cost is measured.</summary>
public static class EmptyJob
{
    public static void Run()
    {
    }
}
