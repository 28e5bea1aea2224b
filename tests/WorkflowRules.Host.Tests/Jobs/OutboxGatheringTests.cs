using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>A host whose dispatcher lets rows gather for 3 s after a claim, long enough for a test to commit several events meanwhile.</summary>
public sealed class GatheringWorkflowHost() : WorkflowHost(new Dictionary<string, string?> { ["Jobs:OutboxGatherDelay"] = "00:00:03" })
{
}

/// <summary>
/// Under steady intake the dispatcher claims the rows that gathered since its last claim together (so they share jobs),
/// while an event that arrives when it is idle goes out at once.
/// </summary>
public sealed class OutboxGatheringTests(GatheringWorkflowHost host) : IClassFixture<GatheringWorkflowHost>
{
    private const string Requested = "PURCHASE_APPROVAL_REQUESTED";

    [Fact]
    public async Task EventsThatArriveRightAfterAClaim_AreClaimedTogether_AndShareJobs()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "GATHER",
            description = "One response",
            enabled = true,
            entryEvent = Requested,
            responses = new object[] { new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } } },
        });

        var first = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("GATHER-0", 1m) })).FirstInstanceId();
        await host.Admin.WaitForInstanceAsync(first, host: host);
        var posts = Enumerable.Range(1, 8).Select(n => host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder($"GATHER-{n}", 1m) }));
        var gathered = (await Task.WhenAll(posts)).Select(outcome => outcome.FirstInstanceId()).ToList();
        foreach (var instanceId in gathered)
        {
            var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
            Assert.Equal("Completed", done.GetProperty("status").GetString());
        }

        var rows = await OutboxRowsAsync();
        var lone = Assert.Single(rows, r => r.InstanceId == Guid.Parse(first));
        Assert.Equal(typeof(RunInstanceJob), host.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(lone.JobId).Job.Type);
        var claimed = rows.Where(r => gathered.Contains(r.InstanceId.ToString())).ToList();
        Assert.Equal(8, claimed.Count);
        Assert.Single(claimed.Select(r => r.DispatchedAt).Distinct());
        Assert.Equal(4, claimed.Select(r => r.JobId).Distinct().Count());
    }

    private async Task<List<(Guid InstanceId, string JobId, DateTimeOffset? DispatchedAt)>> OutboxRowsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        return rows.Select(r => (r.InstanceId, r.JobId!, r.DispatchedAt)).ToList();
    }
}
