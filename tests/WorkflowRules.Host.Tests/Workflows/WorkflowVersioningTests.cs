using System.Net;
using System.Text.Json;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>Published versions are immutable; an enabled workflow's edit is a draft until published; the history shows both.</summary>
public sealed class WorkflowVersioningTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Update_PublishesANewCurrentVersion_WhenTheWorkflowIsDisabled()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Workflow("V-DISABLED", Root("V-DISABLED"), Note("2", "1", "first")));

        var updated = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-DISABLED",
            Workflow("V-DISABLED", Root("V-DISABLED"), Note("2", "1", "second")));

        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("draft").ValueKind);
        Assert.Equal("second", NoteText(updated.GetProperty("steps")));
        var history = await host.Admin.GetJsonAsync("/api/workflows/V-DISABLED/versions");
        Assert.Equal([(1, "Published", false), (2, "Published", true)], Summaries(history));
        var first = await host.Admin.GetJsonAsync("/api/workflows/V-DISABLED/versions/1");
        Assert.Equal("first", NoteText(first.GetProperty("steps")));
    }

    [Fact]
    public async Task Update_MakesADraftThatNewInstancesIgnore_UntilItIsPublished()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows",
            Enabled("V-DRAFT", Event("1", Requested, condition: "Record.No == \"DRAFT-OLD\""), Note("2", "1")));

        var drafted = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-DRAFT",
            Workflow("V-DRAFT", Event("1", Requested, condition: "Record.No == \"DRAFT-NEW\""), Note("2", "1")));

        Assert.Equal(1, drafted.GetProperty("version").GetInt32());
        Assert.Equal(2, drafted.GetProperty("draft").GetProperty("number").GetInt32());
        Assert.Equal("Draft", drafted.GetProperty("draft").GetProperty("state").GetString());
        Assert.Equal(1, await StartedAsync("DRAFT-OLD"));
        Assert.Equal(0, await StartedAsync("DRAFT-NEW"));

        var published = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/V-DRAFT/publish");

        Assert.Equal(2, published.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, published.GetProperty("draft").ValueKind);
        Assert.Equal(0, await StartedAsync("DRAFT-OLD"));
        Assert.Equal(1, await StartedAsync("DRAFT-NEW"));
        Assert.Equal([(1, "Published", false), (2, "Published", true)], Summaries(published.GetProperty("versions")));
    }

    [Fact]
    public async Task Update_ReplacesTheDraft_WhenOneIsWaiting()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled("V-REDRAFT", Root("V-REDRAFT"), Note("2", "1", "v1")));
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-REDRAFT", Workflow("V-REDRAFT", Root("V-REDRAFT"), Note("2", "1", "draft a")));

        var redrafted = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-REDRAFT", Workflow("V-REDRAFT", Root("V-REDRAFT"), Note("2", "1", "draft b")));

        Assert.Equal("draft b", NoteText(redrafted.GetProperty("draft").GetProperty("steps")));
        Assert.Equal("v1", NoteText(redrafted.GetProperty("steps")));
        Assert.Equal([(1, "Published", true), (2, "Draft", false)], Summaries(redrafted.GetProperty("versions")));
        var draft = await host.Admin.GetJsonAsync("/api/workflows/V-REDRAFT/versions/2");
        Assert.Equal("draft b", NoteText(draft.GetProperty("steps")));
    }

    [Fact]
    public async Task Publish_IsRefusedAndKeepsTheCurrentVersion_WhenTheDraftFailsAnEnablingCheck()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled("V-BAD-DRAFT", Root("V-BAD-DRAFT"), Note("2", "1")));
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-BAD-DRAFT",
            Workflow("V-BAD-DRAFT", Root("V-BAD-DRAFT"), Response("2", "NO_SUCH_RESPONSE", "1")));

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows/V-BAD-DRAFT/publish");

        refused.AssertProblem("steps[1].function", "no loaded plugin offers the response 'NO_SUCH_RESPONSE'");
        var workflow = await host.Admin.GetJsonAsync("/api/workflows/V-BAD-DRAFT");
        Assert.Equal(1, workflow.GetProperty("version").GetInt32());
        Assert.False(workflow.GetProperty("draft").GetProperty("valid").GetBoolean());
        Assert.True(workflow.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task DiscardDraft_RemovesOnlyTheDraftAndLeavesNothingToPublish_WhenThereIsOne()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled("V-DISCARD", Root("V-DISCARD"), Note("2", "1")));
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-DISCARD", Workflow("V-DISCARD", Root("V-DISCARD"), Note("2", "1", "never")));

        var discarded = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, "/api/workflows/V-DISCARD/draft");

        Assert.Equal(JsonValueKind.Null, discarded.GetProperty("draft").ValueKind);
        Assert.Equal([(1, "Published", true)], Summaries(discarded.GetProperty("versions")));
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, "/api/workflows/V-DISCARD/draft");
        var nothing = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/workflows/V-DISCARD/publish");
        Assert.Contains("has no draft to publish", nothing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/V-DISCARD/versions/2");
    }

    [Fact]
    public async Task Update_EnablesWithTheNewVersion_WhenEnabledIsTrueOnADisabledWorkflow()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Workflow("V-ENABLE", Event("1", "NO_SUCH_EVENT"), Note("2", "1")));

        var enabled = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-ENABLE", Enabled("V-ENABLE", Root("V-ENABLE"), Note("2", "1")));

        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(2, enabled.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Writes_AreRefusedWithReadItAgain_WhenIfMatchIsStale()
    {
        var created = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Workflow("V-ETAG", Root("V-ETAG"), Note("2", "1")));
        var etag = created.GetProperty("etag").GetString()!;
        var read = await host.Admin.GetAsync("/api/workflows/V-ETAG");
        Assert.Equal(etag, read.Headers.ETag?.ToString());
        var changed = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-ETAG", Workflow("V-ETAG", Root("V-ETAG"), Note("2", "1", "changed")), ifMatch: etag);

        var stale = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/workflows/V-ETAG/enable", ifMatch: etag);

        Assert.Contains("read it again", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await host.Admin.GetJsonAsync("/api/workflows/V-ETAG")).GetProperty("enabled").GetBoolean());
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/V-ETAG/enable", ifMatch: changed.GetProperty("etag").GetString());
        await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows/V-ETAG/disable", ifMatch: "not-an-etag");
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/workflows/V-ETAG/pause");
    }

    [Fact]
    public async Task GetVersion_ShowsAPublishedVersionUnchanged_WhenTheWorkflowWasEditedSince()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Workflow("V-IMMUTABLE", Root("V-IMMUTABLE"), Note("2", "1", "one")));
        var original = (await host.Admin.GetJsonAsync("/api/workflows/V-IMMUTABLE/versions/1")).GetProperty("steps").GetRawText();
        foreach (var text in new[] { "two", "three" })
        {
            await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-IMMUTABLE", Workflow("V-IMMUTABLE", Root("V-IMMUTABLE"), Note("2", "1", text)));
        }

        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/V-IMMUTABLE/enable");
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/V-IMMUTABLE", Workflow("V-IMMUTABLE", Root("V-IMMUTABLE"), Note("2", "1", "draft")));

        var version1 = await host.Admin.GetJsonAsync("/api/workflows/V-IMMUTABLE/versions/1");
        Assert.Equal(original, version1.GetProperty("steps").GetRawText());
        Assert.Equal([(1, "Published", false), (2, "Published", false), (3, "Published", true), (4, "Draft", false)],
            Summaries(await host.Admin.GetJsonAsync("/api/workflows/V-IMMUTABLE/versions")));
    }

    private static object Root(string code) => Event("1", Requested, condition: $"Record.No == \"{code}\"");

    private static string? NoteText(JsonElement steps) =>
        steps.EnumerateArray().Single(s => s.GetProperty("function").GetString() == Steps.NoteResponse).GetProperty("options").GetProperty("text").GetString();

    private static List<(int, string, bool)> Summaries(JsonElement versions) =>
        [.. versions.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("state").GetString()!, v.GetProperty("current").GetBoolean()))];

    private async Task<int> StartedAsync(string documentNo) =>
        (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder(documentNo, 1m) })).GetProperty("instances").GetArrayLength();
}
