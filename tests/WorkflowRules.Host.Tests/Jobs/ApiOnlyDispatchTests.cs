using Hangfire;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>
/// An API-only host (no Hangfire workers of its own) told to dispatch its outbox all the same, whose dispatcher lets
/// rows gather for 3 s after a claim.
/// </summary>
public sealed class ApiOnlyGatheringWorkflowHost() : WorkflowHost(new Dictionary<string, string?>
{
    ["Jobs:WorkerCount"] = "0",
    ["Jobs:DispatchOutbox"] = "true",
    ["Jobs:OutboxGatherDelay"] = "00:00:03",
})
{
}

/// <summary>
/// An API-only host that dispatches (Jobs:DispatchOutbox) enqueues jobs for other hosts' workers, so it does not split a
/// claim to keep workers of its own busy:
/// rows claimed together share jobs of up to Jobs:InstancesPerJob, which saves intake Hangfire's cost per job.
/// </summary>
public sealed class ApiOnlyDispatchTests(ApiOnlyGatheringWorkflowHost host) : IClassFixture<ApiOnlyGatheringWorkflowHost>
{
    [Fact]
    public async Task RowsClaimedTogether_GoOutInOneJob_WhenThereAreNoWorkersHere()
    {
        var (_, gathered) = await GatheredClaims.PostAsync(host, "API-ONLY");

        var claimed = (await GatheredClaims.DispatchedRowsAsync(host, 9)).Where(r => gathered.Contains(r.InstanceId)).ToList();
        Assert.Equal(8, claimed.Count);
        Assert.Single(claimed.Select(r => r.DispatchedAt).Distinct());
        var job = Assert.Single(claimed.Select(r => r.JobId).Distinct());
        var details = host.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(job);
        Assert.Equal(typeof(RunInstancesJob), details.Job.Type);
        Assert.Equal(gathered.Order(), ((Guid[])details.Job.Args[0]).Order());
    }
}
