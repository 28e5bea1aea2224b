using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>An API-only host (no Hangfire workers of its own) whose dispatcher lets rows gather for 3 s after a claim.</summary>
public sealed class ApiOnlyGatheringWorkflowHost() : WorkflowHost(new Dictionary<string, string?>
{
    ["Jobs:WorkerCount"] = "0",
    ["Jobs:OutboxGatherDelay"] = "00:00:03",
})
{
}

/// <summary>
/// An API-only host's jobs run on other hosts' workers, so it does not split a claim to keep workers of its own busy:
/// rows claimed together share jobs of up to Jobs:InstancesPerJob, which saves intake Hangfire's cost per job.
/// </summary>
public sealed class ApiOnlyDispatchTests(ApiOnlyGatheringWorkflowHost host) : IClassFixture<ApiOnlyGatheringWorkflowHost>
{
    private const string Requested = "PURCHASE_APPROVAL_REQUESTED";

    [Fact]
    public async Task RowsClaimedTogether_GoOutInOneJob_WhenThereAreNoWorkersHere()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "API-ONLY",
            description = "One response",
            enabled = true,
            entryEvent = Requested,
            responses = new object[] { new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } } },
        });

        await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("API-0", 1m) });
        await DispatchedRowsAsync(1);
        var posts = Enumerable.Range(1, 8).Select(n => host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder($"API-{n}", 1m) }));
        var gathered = (await Task.WhenAll(posts)).Select(outcome => Guid.Parse(outcome.FirstInstanceId())).ToList();

        var claimed = (await DispatchedRowsAsync(9)).Where(r => gathered.Contains(r.InstanceId)).ToList();
        Assert.Equal(8, claimed.Count);
        Assert.Single(claimed.Select(r => r.DispatchedAt).Distinct());
        var job = Assert.Single(claimed.Select(r => r.JobId).Distinct());
        var details = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(job);
        Assert.Equal(typeof(RunInstancesJob), details.Job.Type);
        Assert.Equal(gathered.Order(), ((Guid[])details.Job.Args[0]).Order());
    }

    private Task<List<(Guid InstanceId, string JobId, DateTimeOffset? DispatchedAt)>> DispatchedRowsAsync(int count) => Poll.UntilAsync(
        async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().OutboxMessages.AsNoTracking()
                .Where(r => r.DispatchedAt != null).ToListAsync();
            return (rows.Count >= count, rows.Select(r => (r.InstanceId, r.JobId!, r.DispatchedAt)).ToList());
        },
        rows => Task.FromResult($"{rows.Count} outbox rows were dispatched, not {count}."));
}
