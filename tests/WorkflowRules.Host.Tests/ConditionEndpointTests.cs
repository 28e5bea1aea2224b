using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>Conditions are checked when a workflow is saved (and on demand), never discovered broken at run time.</summary>
public sealed class ConditionEndpointTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Validate_ReturnsLineAndColumn_WhenConditionHasTypo()
    {
        var result = await ValidateAsync("Record.Amount > 1000m &&\nRecord.VendorNumber.StartsWith(\"V\")");

        Assert.False(result.GetProperty("valid").GetBoolean());
        var diagnostic = result.GetProperty("diagnostics")[0];
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(8, diagnostic.GetProperty("column").GetInt32());
        Assert.Contains("VendorNumber", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "File")]
    [InlineData("Record.GetType().Assembly.GetTypes().Length > 0", "GetType")]
    [InlineData("System.Environment.GetEnvironmentVariable(\"HOME\") != null", "Environment")]
    public async Task Validate_RejectsForbiddenApiWithPosition(string condition, string offending)
    {
        var result = await ValidateAsync(condition);

        Assert.False(result.GetProperty("valid").GetBoolean());
        var diagnostic = result.GetProperty("diagnostics")[0];
        Assert.Contains(offending, diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(diagnostic.GetProperty("line").GetInt32() >= 1);
        Assert.True(diagnostic.GetProperty("column").GetInt32() >= 1);
    }

    [Fact]
    public async Task Validate_AcceptsTheDocumentedExamples()
    {
        Assert.True((await ValidateAsync("Record.Amount > 1000m && Record.VendorNo.StartsWith(\"V\")")).GetProperty("valid").GetBoolean());
        Assert.True((await ValidateAsync("Record.Lines.Any(l => l.Type == \"Item\" && l.Quantity > 10)")).GetProperty("valid").GetBoolean());
        var customer = await host.Admin.PostAsJsonAsync("/api/conditions/validate", new { @event = "CUSTOMER_CHANGED", condition = "Previous != null && Record.CreditLimit > Previous.CreditLimit" });
        Assert.True((await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task CreateWorkflow_Returns400WithPosition_WhenConditionDoesNotCompile()
    {
        var response = await host.Admin.PostAsJsonAsync("/api/workflows", new
        {
            code = "BROKEN-COND",
            description = "Typo",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "Record.Amont > 1",
            responses = new object[] { new { function = "RELEASE_PURCHASE_DOCUMENT" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("line 1, column 8:", problem.GetProperty("errors").GetProperty("condition")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndlessLoopCondition_IsStoppedAndReported_AndTheHostKeepsServing()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "LOOP",
            description = "Never ends",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "if (Record.No == \"LOOP-1\") { while (true) { } } return false;",
            responses = new object[] { new { function = "RELEASE_PURCHASE_DOCUMENT" } },
        });

        var outcome = await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("LOOP-1", 1m) });

        var error = outcome.GetProperty("conditionErrors").EnumerateArray().Single(e => e.GetProperty("workflowCode").GetString() == "LOOP");
        Assert.Contains("longer than", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync("/api/workflows/LOOP")).StatusCode);
    }

    [Fact]
    public async Task WorkflowWithScriptCondition_UsesTheScript_AndPicksUpEditsWithoutRestart()
    {
        File.WriteAllText(Path.Combine(host.ScriptsDirectory, "test-prefix.csx"), "// record: PurchaseDocument\nRecord.No.StartsWith(\"SCRIPT-A\")\n");
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "SCRIPTED",
            description = "Condition kept in scripts/",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            conditionScript = "test-prefix",
            responses = new object[] { new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "scripted" } } },
        });
        var first = await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("SCRIPT-A1", 1m) });
        Assert.True(first.GetProperty("instances").GetArrayLength() == 1, first.ToString());

        var before = InUseHash(await host.Admin.GetJsonAsync("/api/conditions/scripts"));

        File.WriteAllText(Path.Combine(host.ScriptsDirectory, "test-prefix.csx"), "// record: PurchaseDocument\nRecord.No.StartsWith(\"SCRIPT-B\")\n");

        await host.Admin.WaitForAsync("/api/conditions/scripts", scripts => InUseHash(scripts) is { } hash && hash != before);
        Assert.Equal(1, (await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("SCRIPT-B1", 1m) }))
            .GetProperty("instances").GetArrayLength());
        Assert.Equal(0, (await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("SCRIPT-A2", 1m) }))
            .GetProperty("instances").GetArrayLength());
    }

    private static string? InUseHash(JsonElement scripts) => scripts.EnumerateArray()
        .Where(s => s.GetProperty("name").GetString() == "test-prefix").Select(s => s.GetProperty("inUseHash").GetString()).SingleOrDefault();

    private async Task<JsonElement> ValidateAsync(string condition)
    {
        var response = await host.Admin.PostAsJsonAsync("/api/conditions/validate", new { @event = "PURCHASE_APPROVAL_REQUESTED", condition });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
