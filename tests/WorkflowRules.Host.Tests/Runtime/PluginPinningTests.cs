using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Runtime;

/// <summary>
/// A plugin replaced while an instance waits never silently changes what the instance runs: a response step pinned
/// to one major version fails rather than run on another (until an operator retries it), while a minor update runs
/// and records the version it ran on. Own host: these tests replace the purchasing plugin folder.
/// </summary>
public sealed class PluginPinningTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private const string PluginId = "purchasing";

    [Fact]
    public async Task ResponseStep_FailsNamingBothVersions_WhenThePluginMajorVersionChangedSinceStart_AndRetryRunsItOnTheNewVersion()
    {
        var startedOn = await LoadedVersionAsync();
        var instanceId = await StartWaitingInstanceAsync("PIN-MAJOR", "PIN-P-MAJOR");
        var replacedBy = $"{Version.Parse(startedOn).Major + 1}.0.0";

        await DeployPurchasingAsync(replacedBy);
        await host.Admin.PostEventAsync(new { @event = Released, record = SampleRecords.PurchaseOrder("PIN-P-MAJOR", 10m) });

        var failed = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        var step = InstanceJson.Step(failed, "4");
        Assert.Equal("Failed", step.GetProperty("status").GetString());
        var error = step.GetProperty("error").GetString()!;
        Assert.Contains($"plugin {PluginId} {startedOn} when this instance started", error, StringComparison.Ordinal);
        Assert.Contains($"plugin {PluginId} {replacedBy} offers it now", error, StringComparison.Ordinal);
        Assert.Equal(startedOn, step.GetProperty("pluginVersion").GetString());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("message").ValueKind);

        var retry = await host.Admin.PostAsync($"/api/instances/{instanceId}/steps/4/retry", null);
        Assert.True(retry.StatusCode == HttpStatusCode.Accepted, await retry.Content.ReadAsStringAsync());

        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        var retried = InstanceJson.Step(done, "4");
        Assert.Equal("Completed", retried.GetProperty("status").GetString());
        Assert.Equal(replacedBy, retried.GetProperty("pluginVersion").GetString());
        Assert.Equal(2, retried.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, retried.GetProperty("error").ValueKind);
        Assert.EndsWith("after release", retried.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(startedOn, InstanceJson.Step(done, "2").GetProperty("pluginVersion").GetString());
    }

    [Fact]
    public async Task ResponseStep_RunsOnTheNewVersionAndRecordsIt_WhenOnlyThePluginMinorVersionChangedSinceStart()
    {
        var startedOn = await LoadedVersionAsync();
        var instanceId = await StartWaitingInstanceAsync("PIN-MINOR", "PIN-P-MINOR");
        var current = Version.Parse(startedOn);
        var updatedTo = $"{current.Major}.{current.Minor + 1}.0";

        await DeployPurchasingAsync(updatedTo);
        await host.Admin.PostEventAsync(new { @event = Released, record = SampleRecords.PurchaseOrder("PIN-P-MINOR", 10m) });

        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        var step = InstanceJson.Step(done, "4");
        Assert.Equal("Completed", step.GetProperty("status").GetString());
        Assert.Equal(updatedTo, step.GetProperty("pluginVersion").GetString());
        Assert.Equal(1, step.GetProperty("attempts").GetInt32());
        Assert.EndsWith("after release", step.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The step that ran before the update keeps the version it ran on.
        Assert.Equal(startedOn, InstanceJson.Step(done, "2").GetProperty("pluginVersion").GetString());
    }

    /// <summary>
    /// Starts an instance that ran one purchasing response and now waits for the release before the next one, whose
    /// pinned plugin version is checked here (the view shows it before the step runs).
    /// </summary>
    private async Task<string> StartWaitingInstanceAsync(string code, string documentNo)
    {
        var version = await LoadedVersionAsync();
        await host.Admin.CreateWorkflowAsync(Enabled(code,
            Event("1", Requested, condition: $"Record.No == \"{documentNo}\""),
            Note("2", "1", "sent"),
            Event("3", Released, "2"),
            Note("4", "3", "after release")));
        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder(documentNo, 10m) })).FirstInstanceId();
        var waiting = await host.Admin.WaitForStepAsync(instanceId, "3", "Active");
        Assert.Equal(version, InstanceJson.Step(waiting, "2").GetProperty("pluginVersion").GetString());
        Assert.Equal("Inactive", InstanceJson.Step(waiting, "4").GetProperty("status").GetString());
        Assert.Equal(PluginId, InstanceJson.Step(waiting, "4").GetProperty("pluginId").GetString());
        Assert.Equal(version, InstanceJson.Step(waiting, "4").GetProperty("pluginVersion").GetString());
        return instanceId;
    }

    private async Task<string> LoadedVersionAsync()
    {
        var plugins = await host.Admin.GetJsonAsync("/api/plugins");
        return Purchasing(plugins)?.GetProperty("version").GetString() ?? throw new InvalidOperationException($"Plugin {PluginId} is not loaded: {plugins}");
    }

    /// <summary>
    /// Replaces the plugin folder, as a deployment would, with the built product plugin whose manifest alone declares
    /// <paramref name="version"/>; waits until that version is the one loaded.
    /// </summary>
    private async Task DeployPurchasingAsync(string version)
    {
        var staged = Path.Combine(host.Root, "staging", Guid.NewGuid().ToString("N"));
        RepositoryPaths.CopyDirectory(RepositoryPaths.ProductPlugin(PluginId), staged);
        var manifestPath = Path.Combine(staged, "plugin.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
        manifest["version"] = version;
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());

        // Delete and move in at once, outside the plugins folder until complete, so the host never sees half a folder.
        var folder = Path.Combine(host.PluginsDirectory, PluginId);
        Directory.Delete(folder, recursive: true);
        Directory.Move(staged, folder);

        await host.Admin.WaitForAsync("/api/plugins", plugins => Purchasing(plugins) is { } loaded
            && loaded.GetProperty("version").GetString() == version
            && loaded.GetProperty("error").ValueKind == JsonValueKind.Null);
    }

    private static JsonElement? Purchasing(JsonElement plugins) => plugins.EnumerateArray()
        .Where(p => p.GetProperty("id").GetString() == PluginId && p.GetProperty("state").GetString() == "Loaded")
        .Select(p => (JsonElement?)p)
        .SingleOrDefault();
}
