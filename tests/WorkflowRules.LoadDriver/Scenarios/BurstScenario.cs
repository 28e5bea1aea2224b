using System.Diagnostics;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// A burst of 10,000 events as fast as 32 clients can post them; the host is killed (SIGKILL) while it works through
/// the backlog and started again. Afterwards every event must be stored once, every instance completed, every
/// response step completed exactly once — re-runs only for steps the crash interrupted, with the same idempotency key.
/// </summary>
internal sealed class BurstScenario : IScenario
{
    public string Name => "burst";

    public string Description => "10,000 events at once, host killed mid-backlog: nothing lost or duplicated";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var events = context.Pick(10_000, 200);
        var (host, connectionString) = await context.StartHostAsync(Name, null, cancellationToken);
        var settings = host.Settings;
        try
        {
            await host.Client.CreateWorkflowAsync(PurchaseEvents.LargePurchaseWorkflow("LOAD-BURST", responses: 2), cancellationToken);
            var watch = Stopwatch.StartNew();
            var sent = await EventSender.ClosedLoopAsync(
                host.Client, 32, TimeSpan.FromHours(1), events, n => PurchaseEvents.ApprovalRequested(context.RunId + "-burst", n), cancellationToken);
            var absorbed = watch.Elapsed;
            context.Report.Add(new Figure(Name, $"Burst of {events} events accepted", $"{sent.Accepted} in {absorbed.TotalSeconds:0.0} s ({sent.PerSecond:0}/s), {sent.Failed} failed"));

            // Kill the host with part of the backlog done, then start it again on the same database and storage.
            await DatabaseProbe.WaitForCountAsync(connectionString, InstanceLatency.CountCompleted, Math.Min(events / 3, 1000), TimeSpan.FromMinutes(5), cancellationToken);
            var completedAtKill = await DatabaseProbe.ScalarAsync<long>(connectionString, InstanceLatency.CountCompleted, cancellationToken);
            await host.KillAsync();
            await host.DisposeAsync();
            host = await HostProcess.StartAsync(context.Layout, settings, context.ScenarioDirectory(Name), cancellationToken);

            if (!await DatabaseProbe.WaitForCountAsync(connectionString, InstanceLatency.CountCompleted, events, TimeSpan.FromMinutes(20), cancellationToken))
            {
                throw new TimeoutException($"Not all {events} instances completed within 20 minutes of the restart.");
            }

            var drained = watch.Elapsed;
            var check = await BurstCheck.RunAsync(connectionString, cancellationToken);
            var intact = check.NothingLostOrDuplicated(events, responsesPerInstance: 2);
            context.Report.Add(new Figure(Name, $"Burst drained (host killed at {completedAtKill} completed, restarted)",
                $"{drained.TotalSeconds:0.0} s in all; {check}", "nothing lost or duplicated", intact));
            if (!intact)
            {
                // Not a performance figure but a correctness failure: even a smoke run must fail on it.
                throw new InvalidOperationException($"The burst lost or duplicated work: {check}");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
