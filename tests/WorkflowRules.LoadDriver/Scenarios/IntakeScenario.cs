using System.Globalization;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Intake: events a second accepted over HTTP and durably stored, with matching, the condition and instance creation
/// done in the request. The host runs API-only (Jobs:WorkerCount 0, a supported deployment: intake and processing
/// scale separately), so the figure is the intake path's and not shared with response processing on 2 cores; such a
/// host leaves its outbox rows to the hosts with workers (none here), as deployed.
/// </summary>
internal sealed class IntakeScenario : IScenario
{
    public string Name => "intake";

    public string Description => "events/s accepted through POST /api/events; p99 at half that rate";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string> { ["Jobs:WorkerCount"] = "0" };
        var (host, connectionString) = await context.StartHostAsync(Name, overrides, cancellationToken);
        await using (host)
        {
            await host.Client.CreateWorkflowAsync(PurchaseEvents.LargePurchaseWorkflow("LOAD-INTAKE"), cancellationToken);
            var sequence = 0;
            object Next(int _) => PurchaseEvents.ApprovalRequested(context.RunId + "-intake", Interlocked.Increment(ref sequence));

            var concurrency = 16;
            var warmUp = await EventSender.WarmUpUntilSteadyAsync(
                host.Client, concurrency, context.Pick(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)),
                minimum: context.Pick(TimeSpan.FromSeconds(30), TimeSpan.Zero), limit: context.Pick(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1)), Next, cancellationToken);
            // Read under load at both ends, so that the statistics' flush delay shifts both reads alike.
            var commits = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken);
            var (hostCpu, postgresCpu, driverCpu, machineCpu) = (host.CpuTime(), PostgresCpu.Used(), DriverCpu.Used(), MachineCpu.BusyTime());
            var saturated = await EventSender.ClosedLoopAsync(
                host.Client, concurrency, context.Pick(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), int.MaxValue, Next, cancellationToken);
            (hostCpu, postgresCpu, driverCpu, machineCpu) = (
                host.CpuTime() - hostCpu, PostgresCpu.Used() - postgresCpu, DriverCpu.Used() - driverCpu, MachineCpu.BusyTime() - machineCpu);
            commits = await DatabaseProbe.CommitsAsync(connectionString, cancellationToken) - commits;
            context.Report.Add(new Figure(Name, $"Intake, {concurrency} concurrent clients, after {warmUp.TotalSeconds:0} s of load (until steady)",
                $"{saturated.PerSecond:0} events/s ({saturated.Accepted} in {saturated.Elapsed.TotalSeconds:0.0} s, {saturated.Failed} failed)",
                "≥ 1,000 events/s", saturated.PerSecond >= 1000 && saturated.Failed == 0));

            context.Report.Add(new Figure(Name, "CPU per accepted event, saturated",
                $"host {PerEvent(hostCpu)} ms, PostgreSQL {PerEvent(postgresCpu)} ms, driver {PerEvent(driverCpu)} ms; whole machine {PerEvent(machineCpu)} ms"));
            // A count, unlike CPU time, that this VM's drift cannot move: how many transactions (and so at least how
            // many round trips) an event costs.
            context.Report.Add(new Figure(Name, "PostgreSQL commits per accepted event, saturated",
                (commits / (double)saturated.Accepted).ToString("0.00", CultureInfo.InvariantCulture)));
            string PerEvent(TimeSpan cpu) => (cpu.TotalMilliseconds / saturated.Accepted).ToString("0.00", CultureInfo.InvariantCulture);

            // A minute, not 20 s: the tail comes in bursts (several concurrent saves stalled together for 60–100 ms), and
            // over 20 s one burst more or less moved p99 by tens of milliseconds between otherwise alike runs.
            var halfRate = Math.Max(10, saturated.PerSecond / 2);
            var paced = await EventSender.OpenLoopAsync(host.Client, halfRate, context.Pick(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2)), Next, cancellationToken);
            context.Report.Add(new Figure(Name, $"Intake latency at {halfRate:0} events/s (half)", paced.Latency.ToString(),
                "p99 < 50 ms", paced.Latency.P99 < 50 && paced.Failed == 0));

            var stored = await DatabaseProbe.ScalarAsync<long>(connectionString, "SELECT count(*) FROM workflow.received_events", cancellationToken);
            var instances = await DatabaseProbe.ScalarAsync<long>(connectionString, "SELECT count(*) FROM workflow.workflow_instances", cancellationToken);
            if (stored != sequence || instances != sequence)
            {
                throw new InvalidOperationException($"{sequence} events were accepted but {stored} events and {instances} instances are stored.");
            }
        }
    }
}
