using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Runtime;

/// <summary>Finished instances are archived (read-only, deleted in bulk); stuck ones are removed by an administrator.</summary>
public sealed class InstanceArchiveTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private const string Approved = "PURCHASE_APPROVAL_ENTRY_APPROVED";

    [Fact]
    public async Task Archive_ListsCompletedInstances_ReadOnly_AndDeletesThemInBulk()
    {
        await host.Admin.CreateWorkflowAsync(Enabled("ARCHIVED",
            Event("1", Requested, condition: "Record.No.StartsWith(\"ARCH-\")"),
            Note("2", "1", "done")));
        var ids = new List<string>();
        foreach (var no in new[] { "ARCH-1", "ARCH-2" })
        {
            var id = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder(no, 10m) })).FirstInstanceId();
            await host.Admin.WaitForInstanceAsync(id, host: host);
            ids.Add(id);
        }

        var archive = await host.Admin.GetJsonAsync("/api/instances/archive?workflow=ARCHIVED");
        var live = await host.Admin.GetJsonAsync("/api/instances?workflow=ARCHIVED&archived=false");
        var retry = await host.Admin.PostAsync($"/api/instances/{ids[0]}/steps/2/retry", null);
        var deleted = await host.Admin.DeleteAsync("/api/instances/archive?workflow=ARCHIVED");

        Assert.Equal(ids.Order(), archive.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.Empty(live.EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal(2, (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync($"/api/instances/{ids[0]}")).StatusCode);
    }

    [Fact]
    public async Task StuckInstanceOfADisabledWorkflow_IsRemovedByAnAdministrator_OnlyOnceDisabled()
    {
        await host.Admin.CreateWorkflowAsync(Enabled("STUCK",
            Event("1", Requested, condition: "Record.No == \"STUCK-1\""),
            Note("2", "1", "sent"),
            Event("3", Approved, "2"),
            Note("4", "3", "never comes")));
        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("STUCK-1", 10m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(instanceId, "3", "Active");

        var whileEnabled = await host.Admin.DeleteAsync($"/api/instances/{instanceId}");
        await host.Admin.PostAsync("/api/workflows/STUCK/disable", null);
        var removed = await host.Admin.DeleteAsync($"/api/instances/{instanceId}");

        Assert.Equal(HttpStatusCode.Conflict, whileEnabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var archived = await host.Admin.GetJsonAsync($"/api/instances/{instanceId}");
        Assert.Equal("Removed", archived.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);
    }
}
