using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Tests;

/// <summary>The path end to end: an event over HTTP, a matching workflow, responses run by Hangfire, the outcome read back.</summary>
public sealed class EventIntakeTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task PostEvent_RunsResponsesInOrder_WhenConditionHolds()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "E2E-RELEASE",
            description = "Large orders from V-vendors go pending, then get released",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "Record.No.StartsWith(\"E2E-\") && Record.Amount > 1000m && Record.VendorNo.StartsWith(\"V\")",
            responses = new object[]
            {
                new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } },
                new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "Checked by the workflow" } },
                new { function = "RELEASE_PURCHASE_DOCUMENT" },
            },
        });

        var outcome = await host.Admin.PostEventAsync(new
        {
            @event = "PURCHASE_APPROVAL_REQUESTED",
            record = SampleRecords.PurchaseOrder("E2E-1", 2500m),
            user = "alice",
        });

        Assert.Equal("Handled", outcome.GetProperty("status").GetString());
        var instance = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);
        Assert.Equal("Completed", instance.GetProperty("status").GetString());
        Assert.Equal("Released", instance.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal("alice", instance.GetProperty("actingUser").GetString());
        var steps = instance.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["PURCHASE_APPROVAL_REQUESTED", "SET_PURCHASE_STATUS", "NOTE_PURCHASE_DOCUMENT", "RELEASE_PURCHASE_DOCUMENT"],
            steps.Select(s => s.GetProperty("functionName").GetString()));
        Assert.All(steps, s => Assert.Equal("Completed", s.GetProperty("status").GetString()));
        var completedAt = steps.Skip(1).Select(s => s.GetProperty("completedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(completedAt.Order(), completedAt);

        // The chain ran as a Hangfire job the dashboard shows. The instance completes inside the job; Hangfire records
        // the job as succeeded only after the job returns (after it has also handled the event the release raised),
        // in a transaction of its own: wait for that instead of expecting it the moment the instance completes.
        await WaitForSucceededJobAsync(outcome.FirstInstanceId());
    }

    [Fact]
    public async Task PostEvent_StoresEventWithoutInstance_WhenConditionDoesNotHold()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "E2E-SMALL",
            description = "Only over 1000",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "Record.No.StartsWith(\"SMALL-\") && Record.Amount > 1000m",
            responses = new object[] { new { function = "RELEASE_PURCHASE_DOCUMENT" } },
        });

        var outcome = await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("SMALL-1", 10m) });

        Assert.Equal("Unmatched", outcome.GetProperty("status").GetString());
        Assert.Equal(0, outcome.GetProperty("instances").GetArrayLength());
        var stored = await host.Admin.GetJsonAsync($"/api/events/{outcome.GetProperty("eventId").GetString()}");
        Assert.Equal("SMALL-1", stored.GetProperty("recordKey").GetString());
    }

    [Theory]
    [InlineData("""{ "event": "NO_SUCH_EVENT", "record": { "no": "X" } }""", "event")]
    [InlineData("""{ "event": "PURCHASE_APPROVAL_REQUESTED", "record": { "no": "BAD-1", "vendorNo": "V1", "amount": "lots" } }""", "record.amount")]
    [InlineData("""{ "event": "PURCHASE_APPROVAL_REQUESTED", "record": { "no": "BAD-2" } }""", "record.vendorNo")]
    [InlineData("""{ "event": "PURCHASE_APPROVAL_REQUESTED", "record": { "no": "BAD-3", "vendorNo": "V1", "colour": "red" } }""", "record.colour")]
    [InlineData("""{ "event": "PURCHASE_APPROVAL_REQUESTED", "record": { "no": "BAD-4", "vendorNo": "V1", "lines": [ { "quantity": "x" } ] } }""", "record.lines[0].quantity")]
    [InlineData("""{ "event": "PURCHASE_APPROVAL_REQUESTED", "record": { "no": "BAD-5", "vendorNo": "V1" }, "previousRecord": { "no": "BAD-5", "vendorNo": "V1" } }""", "previousRecord")]
    public async Task PostEvent_Returns400NamingTheFieldAndStoresNothing_WhenInputIsInvalid(string body, string field)
    {
        var recordKey = JsonDocument.Parse(body).RootElement.GetProperty("record").GetProperty("no").GetString()!;

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await host.Admin.PostAsync("/api/events", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await CountReceivedEventsAsync(recordKey));
    }

    [Fact]
    public async Task PostEvent_ReturnsFirstOutcome_WhenSameIdempotencyKeyIsPostedAgain()
    {
        var occurrence = new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("IDEM-1", 5m), idempotencyKey = "idem-key-1" };

        var first = await host.Admin.PostEventAsync(occurrence);
        var second = await host.Admin.PostEventAsync(occurrence);

        Assert.Equal(first.GetProperty("eventId").GetString(), second.GetProperty("eventId").GetString());
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
        Assert.Equal(1, await db.ReceivedEvents.CountAsync(e => e.IdempotencyKey == "idem-key-1"));
    }

    [Fact]
    public async Task PostEvent_StartsInstanceOfFollowUpWorkflow_WhenResponseRaisesEvent()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "E2E-RAISE-1",
            description = "Release raises PURCHASE_DOCUMENT_RELEASED",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "Record.No.StartsWith(\"RAISE-\")",
            responses = new object[] { new { function = "RELEASE_PURCHASE_DOCUMENT" } },
        });
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "E2E-RAISE-2",
            description = "Note every released RAISE- document",
            enabled = true,
            entryEvent = "PURCHASE_DOCUMENT_RELEASED",
            condition = "Record.No.StartsWith(\"RAISE-\") && Record.Status == \"Released\"",
            responses = new object[] { new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "Released by a workflow" } } },
        });

        var outcome = await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("RAISE-1", 50m) });
        await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);

        var followUps = await host.Admin.WaitForAsync(
            "/api/instances?workflow=E2E-RAISE-2&recordKey=RAISE-1",
            list => list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "Completed");
        Assert.Equal("Released", followUps[0].GetProperty("record").GetProperty("status").GetString());
    }

    private Task WaitForSucceededJobAsync(string instanceId)
    {
        var monitoring = host.GetRequiredService<JobStorage>().GetMonitoringApi();
        var id = Guid.Parse(instanceId);
        return Poll.UntilAsync(
            () => Task.FromResult((monitoring.SucceededJobs(0, 1000).Any(job => job.Value.Job?.Args.Contains(id) == true), true)),
            async _ => $"No succeeded Hangfire job ran instance {instanceId}: {await host.DescribeJobsAsync(instanceId)}");
    }

    private async Task<int> CountReceivedEventsAsync(string recordKey)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().ReceivedEvents.CountAsync(e => e.RecordKey == recordKey);
    }
}
