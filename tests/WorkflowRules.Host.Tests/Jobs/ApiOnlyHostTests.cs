using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>An API-only host (no Hangfire workers) with the default dispatch setting.</summary>
public sealed class ApiOnlyWorkflowHost() : WorkflowHost(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "0" })
{
}

/// <summary>
/// An API-only host leaves its outbox rows to the hosts with workers: intake spends nothing on Hangfire, and the jobs
/// are enqueued where they run.
/// </summary>
public sealed class ApiOnlyHostTests(ApiOnlyWorkflowHost host) : IClassFixture<ApiOnlyWorkflowHost>
{
    [Fact]
    public async Task InstancesItStarts_AreDispatchedAndRunByAHostWithWorkers_AndNotByItself()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "API-ONLY-HOST",
            description = "One response",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            responses = new object[] { new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } } },
        });
        var instanceId = (await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("API-ONLY-1", 1m) }))
            .FirstInstanceId();

        // Longer than a dispatching host takes (at once, and its test sweep is 0.5 s).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT count(*) FROM workflow.outbox_messages WHERE dispatched_at IS NOT NULL"));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT count(*) FROM hangfire.job"));

        await using var worker = host.StartAnotherHost(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "2" });
        var instance = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", instance.GetProperty("status").GetString());
        Assert.Equal("PendingApproval", instance.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal(1L, await host.QueryScalarAsync<long>("SELECT count(*) FROM workflow.outbox_messages WHERE dispatched_at IS NOT NULL"));
    }
}
