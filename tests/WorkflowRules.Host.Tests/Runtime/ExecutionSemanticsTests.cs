using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Approvals;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Runtime;

/// <summary>
/// BC-WORKFLOW.md §2 end to end: loops back, alternatives, sub-workflows, queued events, versions published under
/// running instances, concurrent events, the preview — over HTTP with real jobs.
/// </summary>
public sealed class ExecutionSemanticsTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private const string Approved = "PURCHASE_APPROVAL_ENTRY_APPROVED";
    private const string Rejected = "PURCHASE_APPROVAL_ENTRY_REJECTED";

    [Fact]
    public async Task ApprovalLoop_GoesBackToSend_WhileApprovalsArePending_ThenReleases()
    {
        await host.Admin.CreateWorkflowAsync(Enabled("LOOP",
            Event("1", Requested, condition: "Record.No == \"LOOP-1\""),
            Note("2", "1", "approval sent"),
            Event("3", Approved, "2", sequence: 1, condition: "Approvals.Pending > 0", next: "2"),
            Event("4", Approved, "2", sequence: 2, condition: "Approvals.Pending == 0"),
            Response("5", "RELEASE_PURCHASE_DOCUMENT", "4"),
            Event("6", Rejected, "2", sequence: 3),
            Response("7", "SET_PURCHASE_STATUS", "6", new { status = "Open" })));
        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("LOOP-1", 5000m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(instanceId, "3", "Active");
        await AddApprovalEntriesAsync(instanceId, "LOOP-1", ApprovalEntryStatus.Approved, ApprovalEntryStatus.Open);

        var first = await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("E1", "LOOP-1") });

        Assert.Equal(instanceId, first.GetProperty("continued")[0].GetProperty("id").GetString());
        Assert.Equal("3", first.GetProperty("continued")[0].GetProperty("stepId").GetString());
        var looped = await host.Admin.WaitForStepAsync(instanceId, "3", "Active", activation: 2);
        Assert.Equal(2, InstanceJson.Step(looped, "2").GetProperty("activation").GetInt32());
        Assert.Equal("Completed", InstanceJson.Step(looped, "2").GetProperty("status").GetString());

        await SetAllApprovalEntriesAsync("LOOP-1", ApprovalEntryStatus.Approved);
        await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("E2", "LOOP-1") });

        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("archivedAt").ValueKind);
        Assert.Equal("Released", done.GetProperty("record").GetProperty("status").GetString());
        string[] expected = ["Completed", "Completed", "Ignored", "Completed", "Completed", "Ignored", "Inactive"];
        Assert.Equal(expected, new[] { "1", "2", "3", "4", "5", "6", "7" }.Select(id => InstanceJson.Step(done, id).GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("ALT-1", 1, "7")]
    [InlineData("ALT-2", 2, "5")]
    [InlineData("ALT-3", 9, "5")]
    public async Task SiblingAlternatives_FirstWhoseConditionHoldsWins_OthersAreIgnored(string documentNo, int sequenceNo, string winner)
    {
        await host.Admin.CreateWorkflowAsync(Enabled("W-" + documentNo,
            Event("1", Requested, condition: $"Record.No == \"{documentNo}\""),
            Note("2", "1", "sent"),
            Event("3", Approved, "2", sequence: 1, condition: "Record.Approver == \"NOBODY\""),
            Note("4", "3", "never"),
            Event("5", Approved, "2", sequence: 2, condition: "Record.SequenceNo > 1"),
            Note("6", "5", "later sequence"),
            Event("7", Approved, "2", sequence: 3),
            Note("8", "7", "first sequence")));
        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder(documentNo, 10m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(instanceId, "3", "Active");

        await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry($"{documentNo}-E", documentNo, sequenceNo: sequenceNo) });

        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        foreach (var alternative in new[] { "3", "5", "7" })
        {
            Assert.Equal(alternative == winner ? "Completed" : "Ignored", InstanceJson.Step(done, alternative).GetProperty("status").GetString());
        }

        Assert.Equal("Inactive", InstanceJson.Step(done, winner == "5" ? "8" : "6").GetProperty("status").GetString());
    }

    [Fact]
    public async Task SubWorkflow_IsInlinedAtStart_AndTheStepsAfterItFollowItsEnd()
    {
        await host.Admin.CreateWorkflowAsync(Enabled("SUB-NOTE",
            Event("1", Approved, condition: "Record.DocumentNo.StartsWith(\"SUB-\")"),
            Note("2", "1", "inside the sub-workflow")));
        await host.Admin.CreateWorkflowAsync(Enabled("WITH-SUB",
            Event("1", Requested, condition: "Record.No == \"SUB-1\""),
            Note("2", "1", "before"),
            Sub("3", "SUB-NOTE", "2"),
            Note("4", "3", "after")));
        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("SUB-1", 10m) })).FirstInstanceId();
        var waiting = await host.Admin.WaitForStepAsync(instanceId, "3/1", "Active");
        Assert.Equal("3/2", InstanceJson.Step(waiting, "4").GetProperty("parentStepId").GetString());
        Assert.Equal("2", InstanceJson.Step(waiting, "3/1").GetProperty("parentStepId").GetString());

        var moved = await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("SUB-E1", "SUB-1") });

        Assert.Empty(moved.GetProperty("instances").EnumerateArray());
        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(["1", "2", "3/1", "3/2", "4"], done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(done.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Completed", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task EventForAnInstanceWhoseResponsesAreRunning_IsQueued_AndHandledAfterThem()
    {
        await host.Admin.CreateWorkflowAsync(Workflow("QUEUED",
            Event("1", Requested, condition: "Record.No == \"QUEUE-1\""),
            Note("2", "1", "first"),
            Note("3", "2", "second"),
            Event("4", Approved, "3"),
            Note("5", "4", "after the queued event")));
        var instanceId = (await UndispatchedInstances.StartAsync(host, "QUEUED", Requested, SampleRecords.PurchaseOrder("QUEUE-1", 10m), dispatch: false)).ToString();

        var queued = await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("Q-E1", "QUEUE-1") });

        Assert.Equal("Pending", queued.GetProperty("status").GetString());
        Assert.Equal(instanceId, queued.GetProperty("queuedBehindInstanceId").GetString());
        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        var responsesDone = InstanceJson.Step(done, "3").GetProperty("completedAt").GetDateTimeOffset();
        Assert.True(InstanceJson.Step(done, "4").GetProperty("completedAt").GetDateTimeOffset() >= responsesDone);
        var received = await host.Admin.GetJsonAsync($"/api/events/{queued.GetProperty("eventId").GetString()}");
        Assert.Equal("Handled", received.GetProperty("status").GetString());
    }

    [Fact]
    public async Task VersionPublishedWhileInstancesRun_NewInstancesUseIt_RunningOnesKeepTheirs()
    {
        object Definition(string text) => Enabled("VERSIONED",
            Event("1", Requested, condition: "Record.No.StartsWith(\"VER-\")"),
            Note("2", "1", "sent"),
            Event("3", Approved, "2"),
            Note("4", "3", text));
        await host.Admin.CreateWorkflowAsync(Definition("version one"));
        var oldInstance = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("VER-1", 10m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(oldInstance, "3", "Active");

        var draft = await host.Admin.PutAsJsonAsync("/api/workflows/VERSIONED", Definition("version two"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var published = await host.Admin.PostAsync("/api/workflows/VERSIONED/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var newInstance = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("VER-2", 10m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(newInstance, "3", "Active");

        await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("VER-E1", "VER-1") });
        await host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("VER-E2", "VER-2") });

        var old = await host.Admin.WaitForInstanceAsync(oldInstance, host: host);
        var current = await host.Admin.WaitForInstanceAsync(newInstance, host: host);
        Assert.Equal(1, old.GetProperty("workflowVersion").GetInt32());
        Assert.EndsWith("version one", InstanceJson.Step(old, "4").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, current.GetProperty("workflowVersion").GetInt32());
        Assert.EndsWith("version two", InstanceJson.Step(current, "4").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoConcurrentEventsForOneInstance_OnlyOneMovesIt_TheOtherIsDecidedAfterwards()
    {
        await host.Admin.CreateWorkflowAsync(Enabled("CONCURRENT",
            Event("1", Requested, condition: "Record.No == \"CONC-1\""),
            Note("2", "1", "sent"),
            Event("3", Approved, "2"),
            Note("4", "3", "approved")));
        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("CONC-1", 10m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(instanceId, "3", "Active");

        var outcomes = await Task.WhenAll(
            host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("C-E1", "CONC-1") }),
            host.Admin.PostEventAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("C-E2", "CONC-1") }));

        var done = await host.Admin.WaitForInstanceAsync(instanceId, host: host);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(1, InstanceJson.Step(done, "3").GetProperty("activation").GetInt32());
        Assert.Equal(1, InstanceJson.Step(done, "4").GetProperty("attempts").GetInt32());
        var statuses = new List<string>();
        foreach (var outcome in outcomes)
        {
            var id = outcome.GetProperty("eventId").GetString();
            var final = await host.Admin.WaitForAsync($"/api/events/{id}", e => e.GetProperty("status").GetString() != "Pending");
            statuses.Add(final.GetProperty("status").GetString()!);
        }

        // Exactly one event completed the waiting step; the other found nothing left to move (and started nothing).
        Assert.Equal(["Handled", "Unmatched"], statuses.Order(StringComparer.Ordinal));
        var winner = outcomes.Single(o => statuses[Array.IndexOf(outcomes, o)] == "Handled").GetProperty("eventId").GetString();
        Assert.Equal(winner, InstanceJson.Step(done, "3").GetProperty("completedByEventId").GetString());
    }

    [Fact]
    public async Task Preview_TellsWhetherAWorkflowWouldReact_WithoutStoringAnything()
    {
        await host.Admin.CreateWorkflowAsync(Enabled("PREVIEW",
            Event("1", Requested, condition: "Record.No == \"PREV-1\""),
            Note("2", "1", "sent"),
            Event("3", Approved, "2"),
            Note("4", "3", "approved")));
        var eventsBefore = await CountReceivedEventsAsync();

        var starts = await PreviewAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("PREV-1", 10m) });
        var nothing = await PreviewAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("PREV-OTHER", 10m) });

        Assert.True(starts.GetProperty("wouldReact").GetBoolean());
        Assert.Equal("PREVIEW", starts.GetProperty("wouldStart")[0].GetProperty("workflowCode").GetString());
        Assert.False(nothing.GetProperty("wouldReact").GetBoolean());
        Assert.Equal(eventsBefore, await CountReceivedEventsAsync());

        var instanceId = (await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder("PREV-1", 10m) })).FirstInstanceId();
        await host.Admin.WaitForStepAsync(instanceId, "3", "Active");
        var continues = await PreviewAsync(new { @event = Approved, record = SampleRecords.ApprovalEntry("P-E1", "PREV-1") });
        Assert.Equal(instanceId, continues.GetProperty("wouldContinue")[0].GetProperty("id").GetString());
        var still = await host.Admin.GetJsonAsync($"/api/instances/{instanceId}");
        Assert.Equal("Active", InstanceJson.Step(still, "3").GetProperty("status").GetString());
    }

    private async Task<JsonElement> PreviewAsync(object occurrence)
    {
        var response = await host.Admin.PostAsJsonAsync("/api/events/preview", occurrence);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<int> CountReceivedEventsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().ReceivedEvents.CountAsync();
    }

    private async Task AddApprovalEntriesAsync(string instanceId, string documentNo, params ApprovalEntryStatus[] statuses)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        db.ApprovalEntries.AddRange(statuses.Select((status, index) => new ApprovalEntry
        {
            Id = Guid.NewGuid(),
            InstanceId = Guid.Parse(instanceId),
            RecordType = "PurchaseDocument",
            RecordKey = documentNo,
            SequenceNo = index + 1,
            Approver = $"APPROVER{index + 1}",
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private async Task SetAllApprovalEntriesAsync(string documentNo, ApprovalEntryStatus status)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().ApprovalEntries
            .Where(e => e.RecordKey == documentNo)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Status, status));
    }
}
