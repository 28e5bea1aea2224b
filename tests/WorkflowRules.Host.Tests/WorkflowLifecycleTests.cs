using System.Net;
using Npgsql;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>Enabling and disabling decide whether a workflow reacts; every save publishes a new version.</summary>
public sealed class WorkflowLifecycleTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task DisabledWorkflow_DoesNotReact_UntilEnabled()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "LIFECYCLE",
            description = "Reacts only while enabled",
            enabled = false,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            responses = new object[] { new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "seen" } } },
        });

        Assert.Equal(0, await StartedInstancesAsync("LIFE-1"));
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PostAsync("/api/workflows/LIFECYCLE/enable", null)).StatusCode);
        Assert.Equal(1, await StartedInstancesAsync("LIFE-2"));
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PostAsync("/api/workflows/LIFECYCLE/disable", null)).StatusCode);
        Assert.Equal(0, await StartedInstancesAsync("LIFE-3"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.PostAsync("/api/workflows/LIFECYCLE/pause", null)).StatusCode);
    }

    [Fact]
    public async Task WorkflowDisabledInSql_StopsReacting_AtTheNextEvent()
    {
        // Enabled workflows are held in memory; an operator's UPDATE (or another host's write) must still count at once.
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "LIFECYCLE-SQL",
            description = "Disabled behind the host's back",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "Record.No.StartsWith(\"SQL-\", StringComparison.Ordinal)",
            responses = new object[] { new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "seen" } } },
        });
        Assert.Equal(1, await StartedInstancesAsync("SQL-1"));

        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE workflow.workflows SET enabled = false WHERE code = 'LIFECYCLE-SQL'", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(0, await StartedInstancesAsync("SQL-2"));
    }

    private async Task<int> StartedInstancesAsync(string documentNo) =>
        (await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder(documentNo, 1m) }))
            .GetProperty("instances").GetArrayLength();
}
