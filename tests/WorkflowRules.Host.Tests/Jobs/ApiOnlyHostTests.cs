using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>An API-only host (no Hangfire workers) with the default dispatch setting.</summary>
public sealed class ApiOnlyWorkflowHost() : WorkflowHost(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" })
{
}

/// <summary>
/// An API-only host leaves its outbox rows to the hosts with workers: intake spends nothing on Hangfire, and the jobs
/// are enqueued where they run. It tells them about new rows through PostgreSQL NOTIFY, so they do not wait for a sweep.
/// </summary>
public sealed class ApiOnlyHostTests(ApiOnlyWorkflowHost host) : IClassFixture<ApiOnlyWorkflowHost>
{
    /// <summary>A sweep so rare that only a notification (or a start-up) can get a row claimed within a test's wait.</summary>
    private static readonly Dictionary<string, string?> WorkerHostWithoutSweep = new()
    {
        ["Jobs:WorkerCount"] = "2",
        ["Jobs:OutboxSweepInterval"] = "00:05:00",
    };

    private static readonly TimeSpan NotifiedWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task InstancesItStarts_AreDispatchedAndRunByAHostWithWorkers_AndNotByItself()
    {
        await CreateWorkflowAsync("API-ONLY-HOST");
        var instanceId = await PostEventAsync("API-ONLY-HOST-1");

        // Longer than a dispatching host takes (at once, and its test sweep is 0.5 s).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT count(*) FROM workflow.outbox_messages WHERE dispatched_at IS NOT NULL AND instance_id::text = '" + instanceId + "'"));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%" + instanceId + "%'"));

        // The row waiting from before is claimed as the worker host starts; the next one because the API-only host announces it.
        await using var worker = host.StartAnotherHost(WorkerHostWithoutSweep);
        await AssertCompletedAsync(instanceId);
        await AssertCompletedAsync(await PostEventAsync("API-ONLY-HOST-2"));
    }

    [Fact]
    public async Task AWorkerHostListensAgain_AfterItsListeningConnectionIsKilled()
    {
        await CreateWorkflowAsync("API-ONLY-RELISTEN");
        await using var worker = host.StartAnotherHost(WorkerHostWithoutSweep);
        var listener = await WaitForListenerAsync(previous: null);

        await host.ExecuteSqlAsync($"SELECT pg_terminate_backend({listener})");
        await WaitForListenerAsync(previous: listener);

        await AssertCompletedAsync(await PostEventAsync("API-ONLY-RELISTEN-1"));
    }

    /// <summary>A workflow for the documents numbered <paramref name="code"/>-something (each test has its own).</summary>
    private Task CreateWorkflowAsync(string code) => host.Admin.CreateWorkflowAsync(new
    {
        code,
        description = "One response",
        enabled = true,
        entryEvent = "PURCHASE_APPROVAL_REQUESTED",
        condition = $"Record.No.StartsWith(\"{code}-\", StringComparison.Ordinal)",
        responses = new object[] { new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } } },
    });

    private async Task<string> PostEventAsync(string documentNo) =>
        (await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder(documentNo, 1m) }))
            .FirstInstanceId();

    private async Task AssertCompletedAsync(string instanceId)
    {
        var instance = await host.Admin.WaitForInstanceAsync(instanceId, NotifiedWait, host);
        Assert.Equal("Completed", instance.GetProperty("status").GetString());
        Assert.Equal("PendingApproval", instance.GetProperty("record").GetProperty("status").GetString());
        Assert.True(await host.QueryScalarAsync<bool>("SELECT dispatched_at IS NOT NULL FROM workflow.outbox_messages WHERE instance_id::text = '" + instanceId + "'"));
    }

    /// <summary>The backend of the worker host's outbox listener once it listens (other than <paramref name="previous"/>).</summary>
    private Task<int> WaitForListenerAsync(int? previous) => Poll.UntilAsync(
        async () =>
        {
            var pid = await host.QueryScalarAsync<int?>(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'WorkflowRules outbox listener' AND query LIKE 'LISTEN%'"
                + (previous is { } old ? $" AND pid <> {old}" : "") + " LIMIT 1");
            return (pid is not null, pid ?? 0);
        },
        _ => Task.FromResult("The worker host's outbox listener never listened" + (previous is null ? "." : " again after its connection was killed.")),
        NotifiedWait);
}
