using System.Text.Json;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Runtime;

/// <summary>
/// A script edited on disk never changes what a running instance does: an instance evaluates its waiting steps with
/// the script text pinned when it started; only instances started after the edit use the new text.
/// </summary>
public sealed class ScriptPinningTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private const string ScriptName = "pinning-amount";

    [Fact]
    public async Task ContinuationStep_KeepsTheScriptTextPinnedAtStart_WhenTheScriptIsEditedWhileTheInstanceWaits()
    {
        await WriteScriptAsync("Record.Amount > 100m");
        await host.Admin.CreateWorkflowAsync(Enabled("PIN-SCRIPT",
            Event("1", Requested, condition: "Record.No.StartsWith(\"PIN-S-\")"),
            Note("2", "1", "sent"),
            Event("3", Released, "2", script: ScriptName),
            Note("4", "3", "released past the script")));
        var pinnedOld = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("PIN-S-OLD", 500m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(pinnedOld, "3", "Active");

        // 500 passes the old text and fails the new one, so which text decided is visible in the outcome.
        await WriteScriptAsync("Record.Amount > 1000000m");
        var pinnedNew = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("PIN-S-NEW", 500m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(pinnedNew, "3", "Active");

        var oldContinued = await host.Admin.PostEventAsync(new { @event = Released, record = SampleRecords.PurchaseOrder("PIN-S-OLD", 500m) });
        var newNotContinued = await host.Admin.PostEventAsync(new { @event = Released, record = SampleRecords.PurchaseOrder("PIN-S-NEW", 500m) });

        Assert.Empty(oldContinued.GetProperty("conditionErrors").EnumerateArray());
        Assert.Equal(pinnedOld, Assert.Single(oldContinued.GetProperty("continued").EnumerateArray()).GetProperty("id").GetString());
        var old = await host.Admin.WaitForInstanceAsync(pinnedOld, host: host);
        Assert.Equal("Completed", old.GetProperty("status").GetString());
        Assert.Equal("Completed", InstanceJson.Step(old, "3").GetProperty("status").GetString());
        Assert.Equal(oldContinued.GetProperty("eventId").GetString(), InstanceJson.Step(old, "3").GetProperty("completedByEventId").GetString());
        Assert.EndsWith("released past the script", InstanceJson.Step(old, "4").GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Empty(newNotContinued.GetProperty("conditionErrors").EnumerateArray());
        Assert.Empty(newNotContinued.GetProperty("continued").EnumerateArray());
        var waiting = await host.Admin.GetJsonAsync($"/api/instances/{pinnedNew}");
        Assert.Equal("Running", waiting.GetProperty("status").GetString());
        Assert.Equal("Active", InstanceJson.Step(waiting, "3").GetProperty("status").GetString());

        // The new text does hold for a large amount: the new instance is governed by it, not merely stuck.
        var newContinued = await host.Admin.PostEventAsync(new { @event = Released, record = SampleRecords.PurchaseOrder("PIN-S-NEW", 2_000_000m) });
        Assert.Equal(pinnedNew, Assert.Single(newContinued.GetProperty("continued").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Completed", (await host.Admin.WaitForInstanceAsync(pinnedNew, host: host)).GetProperty("status").GetString());
    }

    /// <summary>
    /// Replaces the script in one rename (so the watcher never reads half a file) and waits until the host evaluates
    /// this very text: the in-use version changed and is the file as it is now.
    /// </summary>
    private async Task WriteScriptAsync(string expression)
    {
        var path = Path.Combine(host.ScriptsDirectory, ScriptName + ".csx");
        var before = InUseHash(await host.Admin.GetJsonAsync("/api/conditions/scripts"));
        var staged = path + ".tmp";
        await File.WriteAllTextAsync(staged, $"// record: PurchaseDocument\n{expression}\n");
        File.Move(staged, path, overwrite: true);

        await host.Admin.WaitForAsync("/api/conditions/scripts", scripts => Script(scripts) is { } script
            && script.GetProperty("inUseHash").GetString() is { } inUse
            && inUse != before
            && inUse == script.GetProperty("fileHash").GetString());
    }

    private static string? InUseHash(JsonElement scripts) => Script(scripts)?.GetProperty("inUseHash").GetString();

    private static JsonElement? Script(JsonElement scripts) =>
        scripts.EnumerateArray().Where(s => s.GetProperty("name").GetString() == ScriptName).Select(s => (JsonElement?)s).SingleOrDefault();
}
