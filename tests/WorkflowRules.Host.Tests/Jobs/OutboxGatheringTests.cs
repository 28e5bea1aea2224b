using Hangfire;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Tests.Support;

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
    [Fact]
    public async Task EventsThatArriveRightAfterAClaim_AreClaimedTogether_AndShareJobs()
    {
        var (first, gathered) = await GatheredClaims.PostAsync(host, "GATHER");
        foreach (var instanceId in gathered)
        {
            var done = await host.Admin.WaitForInstanceAsync(instanceId.ToString(), host: host);
            Assert.Equal("Completed", done.GetProperty("status").GetString());
        }

        var rows = await GatheredClaims.DispatchedRowsAsync(host, 9);
        var lone = Assert.Single(rows, r => r.InstanceId == first);
        Assert.Equal(typeof(RunInstanceJob), host.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(lone.JobId).Job.Type);
        var claimed = rows.Where(r => gathered.Contains(r.InstanceId)).ToList();
        Assert.Equal(8, claimed.Count);
        Assert.Single(claimed.Select(r => r.DispatchedAt).Distinct());
        Assert.Equal(4, claimed.Select(r => r.JobId).Distinct().Count());
    }
}
