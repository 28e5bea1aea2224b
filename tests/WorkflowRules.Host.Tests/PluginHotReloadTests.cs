using System.Net;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>Plugin folders dropped into, or removed from, a running host take effect without a restart.</summary>
public sealed class PluginHotReloadTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task CopiedPluginFolder_IsUsable_AndRemovingItInvalidatesWorkflows()
    {
        var folder = Path.Combine(host.PluginsDirectory, "customers-copy");
        Directory.Delete(Path.Combine(host.PluginsDirectory, "customers"), recursive: true);
        await host.Admin.WaitForAsync("/api/catalog/events", events => !HasEvent(events, "CUSTOMER_CHANGED"));

        RepositoryPaths.CopyDirectory(RepositoryPaths.ProductPlugin("customers"), folder);

        await host.Admin.WaitForAsync("/api/catalog/events", events => HasEvent(events, "CUSTOMER_CHANGED"), TimeSpan.FromSeconds(30));
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "CREDIT-UP",
            description = "Block customers whose credit limit went up",
            enabled = true,
            entryEvent = "CUSTOMER_CHANGED",
            condition = "Previous != null && Record.CreditLimit > Previous.CreditLimit",
            responses = new object[] { new { function = "BLOCK_CUSTOMER", options = new { reason = "Credit limit raised" } } },
        });
        var outcome = await host.Admin.PostEventAsync(new
        {
            @event = "CUSTOMER_CHANGED",
            record = SampleRecords.Customer("C-1", 5000m),
            previousRecord = SampleRecords.Customer("C-1", 1000m),
        });
        var instance = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);
        Assert.True(instance.GetProperty("record").GetProperty("blocked").GetBoolean());

        Directory.Delete(folder, recursive: true);

        await host.Admin.WaitForAsync("/api/catalog/events", events => !HasEvent(events, "CUSTOMER_CHANGED"), TimeSpan.FromSeconds(30));
        var workflow = await host.Admin.GetJsonAsync("/api/workflows/CREDIT-UP");
        Assert.False(workflow.GetProperty("valid").GetBoolean());
        Assert.Contains(
            workflow.GetProperty("problems").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()),
            message => message.GetString()!.Contains("'CUSTOMER_CHANGED'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenPluginFolder_IsReportedWithItsReason_AndTheHostKeepsServing()
    {
        RepositoryPaths.CopyDirectory(RepositoryPaths.TestPlugin("throwing-register"), Path.Combine(host.PluginsDirectory, "throwing-register"));

        var plugins = await host.Admin.WaitForAsync("/api/plugins", list => list.EnumerateArray()
            .Any(p => p.GetProperty("folder").GetString()!.EndsWith("throwing-register", StringComparison.Ordinal) && p.GetProperty("state").GetString() != "Pending"),
            TimeSpan.FromSeconds(30));

        var broken = plugins.EnumerateArray().Single(p => p.GetProperty("folder").GetString()!.EndsWith("throwing-register", StringComparison.Ordinal));
        Assert.Equal("Failed", broken.GetProperty("state").GetString());
        Assert.False(string.IsNullOrWhiteSpace(broken.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, (await host.Admin.PostAsync("/api/events", System.Net.Http.Json.JsonContent.Create(new
        {
            @event = "PURCHASE_APPROVAL_REQUESTED",
            record = SampleRecords.PurchaseOrder("STILL-1", 1m),
        }))).StatusCode);
    }

    private static bool HasEvent(System.Text.Json.JsonElement events, string name) =>
        events.EnumerateArray().Any(e => e.GetProperty("functionName").GetString() == name);
}
