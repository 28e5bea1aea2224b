using System.Collections.Concurrent;
using Hangfire;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Escalation precision: delayed jobs due at T, scheduled with the host's Hangfire settings (SchedulePollingInterval
/// 1 s), and how late they run. Then what an idle host costs the database (Hangfire's polling, the outbox sweep).
/// </summary>
internal sealed class EscalationScenario : IScenario
{
    public string Name => "escalation";

    public string Description => "delayed jobs due at T: lateness p50/p99 (target p99 ≤ 2 s); idle host's database cost";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var connectionString = await context.Postgres.CreateDatabaseAsync(Name, cancellationToken);
        var jobs = context.Pick(300, 20);
        var window = context.Pick(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5));
        var recorder = new LatenessRecorder(TimeProvider.System);
        await using (var hangfire = DriverHangfire.Start(connectionString, "hangfire_escalation", new RecorderActivator(recorder), DriverHangfire.HostWorkerCount, TimeSpan.FromSeconds(1)))
        {
            var start = TimeProvider.System.GetUtcNow().AddSeconds(2);
            for (var i = 0; i < jobs; i++)
            {
                var due = start + window * i / jobs;
                var dueMilliseconds = due.ToUnixTimeMilliseconds();
                hangfire.Client.Schedule<LatenessRecorder>(r => r.Record(dueMilliseconds), due);
            }

            var deadline = start + window + TimeSpan.FromSeconds(30);
            while (recorder.Count < jobs && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        var lateness = recorder.Lateness();
        context.Report.Add(new Figure(Name, $"Delayed job lateness ({jobs} jobs over {window.TotalSeconds:0} s, 1 s schedule polling)",
            lateness.ToString(), "p99 ≤ 2 s, none lost", lateness.Count == jobs && lateness.P99 <= 2000));

        var (host, hostConnectionString) = await context.StartHostAsync(Name + "-idle", null, cancellationToken);
        await using (host)
        {
            var idle = context.Pick(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3));
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var before = await DatabaseProbe.CommitsAsync(hostConnectionString, cancellationToken);
            await Task.Delay(idle, cancellationToken);
            var commits = await DatabaseProbe.CommitsAsync(hostConnectionString, cancellationToken) - before;
            context.Report.Add(new Figure(Name, "Idle host's database load (Hangfire polling 1 s, outbox sweep 250 ms)", $"{commits / idle.TotalSeconds:0.0} commits/s"));
        }
    }
}

/// <summary>Records how late each delayed job ran.</summary>
public sealed class LatenessRecorder(TimeProvider clock)
{
    private readonly ConcurrentBag<double> _lateness = [];

    internal int Count => _lateness.Count;

    public void Record(long dueUnixMilliseconds) => _lateness.Add(clock.GetUtcNow().ToUnixTimeMilliseconds() - dueUnixMilliseconds);

    internal Percentiles Lateness() => new(_lateness);
}

/// <summary>Hands every job the one recorder (the driver's jobs have no other dependencies).</summary>
internal sealed class RecorderActivator(LatenessRecorder recorder) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(LatenessRecorder) ? recorder : base.ActivateJob(jobType);
}
