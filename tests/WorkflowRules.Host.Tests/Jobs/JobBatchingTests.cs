using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>
/// Outbox rows that wait together share Hangfire jobs: every instance still runs once, under its own lock, and every
/// instance can be found in the dashboard; one that throws goes on in a job of its own instead of holding back the rest.
/// The test host has 4 workers and the default of 10 instances per job, so 8 rows claimed together make 4 jobs of 2.
/// </summary>
public sealed class JobBatchingTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task OutboxRowsClaimedTogether_ShareJobs_AndEveryInstanceRunsOnce()
    {
        var instanceIds = await StartInstancesAsync("SHARED", Enumerable.Range(1, 8).Select(n => $"SHARED-{n}"));

        foreach (var instanceId in instanceIds)
        {
            var done = await host.Admin.WaitForInstanceAsync(instanceId.ToString(), host: host);
            Assert.Equal("Completed", done.GetProperty("status").GetString());
        }

        Assert.All(await LoadStepsAsync(instanceIds), step => Assert.Equal(1, step.Attempts));
        var jobIds = await JobIdsAsync(instanceIds);
        Assert.Equal(4, jobIds.Distinct().Count());
        var monitoring = host.GetRequiredService<JobStorage>().GetMonitoringApi();
        var ran = new List<Guid>();
        foreach (var jobId in jobIds.Distinct())
        {
            var details = monitoring.JobDetails(jobId);
            Assert.Equal("Succeeded", CurrentState(details).StateName);
            Assert.Equal(typeof(RunInstancesJob), details.Job.Type);
            var batch = Assert.IsType<Guid[]>(details.Job.Args[0]);
            Assert.Equal(2, batch.Length);
            ran.AddRange(batch);
            var shown = new InstanceBatchDisplayNameAttribute().Format(null!, details.Job);
            Assert.All(batch, id => Assert.Contains(id.ToString(), shown, StringComparison.Ordinal));
        }

        Assert.Equal(instanceIds.Order(), ran.Order());
    }

    [Fact]
    public async Task LoneOutboxRow_GetsAJobOfItsOwn()
    {
        var instanceId = Assert.Single(await StartInstancesAsync("LONE", ["LONE-1"]));

        await host.Admin.WaitForInstanceAsync(instanceId.ToString(), host: host);

        var details = host.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(Assert.Single(await JobIdsAsync([instanceId])));
        Assert.Equal(typeof(RunInstanceJob), details.Job.Type);
        Assert.Equal(instanceId, details.Job.Args[0]);
    }

    /// <summary>
    /// The database refuses every update of the first instance (a trigger), so its run throws inside the batch job:
    /// the instance it shares the job with still completes, the batch succeeds, and the failing instance has a job of
    /// its own that Hangfire retries; once the fault is gone, the dashboard's Requeue on that job completes it.
    /// </summary>
    [Fact]
    public async Task InstanceThatThrowsInABatch_GoesOnInAJobOfItsOwn_AndTheOthersComplete()
    {
        await host.ExecuteSqlAsync("""
            CREATE FUNCTION workflow.refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'injected failure for %', OLD.record_key; END $$;
            CREATE TRIGGER refuse_poisoned BEFORE UPDATE ON workflow.workflow_instances
              FOR EACH ROW WHEN (strpos(OLD.record_key, 'POISON') > 0) EXECUTE FUNCTION workflow.refuse_poisoned();
            """);
        IReadOnlyList<Guid> instanceIds;
        try
        {
            instanceIds = await StartInstancesAsync("POISON", Enumerable.Range(1, 8).Select(n => n == 1 ? "POISON-1" : $"HEALTHY-{n}"));
            var (poisoned, sharing) = (instanceIds[0], instanceIds[1]);

            foreach (var healthy in instanceIds.Skip(1))
            {
                var done = await host.Admin.WaitForInstanceAsync(healthy.ToString(), host: host);
                Assert.Equal("Completed", done.GetProperty("status").GetString());
            }

            var monitoring = host.GetRequiredService<JobStorage>().GetMonitoringApi();
            var batchJobId = (await JobIdsAsync([poisoned]))[0];
            Assert.Equal(batchJobId, (await JobIdsAsync([sharing]))[0]);
            var batch = await Poll.UntilAsync(
                () => Task.FromResult(monitoring.JobDetails(batchJobId) is var details && CurrentState(details).StateName == "Succeeded" ? (true, details) : (false, details)),
                details => Task.FromResult($"The batch job {batchJobId} did not succeed: {string.Join(" > ", details.History.Select(h => h.StateName))}"));
            Assert.Equal([poisoned, sharing], Assert.IsType<Guid[]>(batch.Job.Args[0]));

            var ownJobId = await Poll.UntilAsync(
                async () => await OwnJobAwaitingRetryAsync(poisoned) is { } id ? (true, id) : (false, ""),
                _ => Task.FromResult($"Instance {poisoned} has no job of its own awaiting a retry."));
            var retry = CurrentState(monitoring.JobDetails(ownJobId));
            Assert.StartsWith("Retry attempt 1 of", retry.Reason, StringComparison.Ordinal);
            Assert.Equal("Running", (await host.Admin.GetJsonAsync($"/api/instances/{poisoned}")).GetProperty("status").GetString());

            await host.ExecuteSqlAsync("DROP TRIGGER refuse_poisoned ON workflow.workflow_instances");
            Assert.True(host.GetRequiredService<IBackgroundJobClient>().Requeue(ownJobId));

            var recovered = await host.Admin.WaitForInstanceAsync(poisoned.ToString(), host: host);
            Assert.Equal("Completed", recovered.GetProperty("status").GetString());
        }
        finally
        {
            await host.ExecuteSqlAsync("DROP TRIGGER IF EXISTS refuse_poisoned ON workflow.workflow_instances; DROP FUNCTION workflow.refuse_poisoned()");
        }
    }

    /// <summary>Creates a disabled workflow with two responses and starts an instance per document, all in one commit with their outbox rows.</summary>
    private async Task<IReadOnlyList<Guid>> StartInstancesAsync(string code, IEnumerable<string> documentNos)
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code,
            description = "Two responses",
            enabled = false,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            responses = new object[]
            {
                new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } },
                new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "noted" } },
            },
        });
        var records = documentNos.Select(no => (object)SampleRecords.PurchaseOrder(no, 1m)).ToList();
        return await UndispatchedInstances.StartManyAsync(host, code, "PURCHASE_APPROVAL_REQUESTED", records, dispatch: true);
    }

    /// <summary>The job id stamped on each instance's outbox row, in the order of <paramref name="instanceIds"/>.</summary>
    private async Task<IReadOnlyList<string>> JobIdsAsync(IReadOnlyList<Guid> instanceIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => instanceIds.Contains(m.InstanceId)).ToListAsync();
        return instanceIds.Select(id => Assert.Single(rows, r => r.InstanceId == id).JobId ?? throw new InvalidOperationException($"No job id for {id}.")).ToList();
    }

    private async Task<List<InstanceStep>> LoadStepsAsync(IReadOnlyList<Guid> instanceIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().InstanceSteps
            .AsNoTracking().Where(s => instanceIds.Contains(s.InstanceId) && s.Type == StepType.Response).ToListAsync();
    }

    /// <summary>The <see cref="RunInstanceJob"/> of <paramref name="instanceId"/> once Hangfire has scheduled its retry.</summary>
    private async Task<string?> OwnJobAwaitingRetryAsync(Guid instanceId)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id::text FROM hangfire.job WHERE statename = 'Scheduled' AND invocationdata::text LIKE '%RunInstanceJob%' AND arguments::text LIKE '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", instanceId.ToString());
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>Hangfire lists a job's states newest first.</summary>
    private static StateHistoryDto CurrentState(JobDetailsDto details) => details.History[0];
}
