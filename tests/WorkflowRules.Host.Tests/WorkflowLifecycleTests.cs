using System.Net;
using Npgsql;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Host.Tests.Workflows;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests;

/// <summary>
/// Creating and reading workflows in either request shape, and enabling and disabling deciding whether a workflow
/// reacts. (Versions and drafts: Workflows/WorkflowVersioningTests; the enabling checks: Workflows/WorkflowValidationTests.)
/// </summary>
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
            condition = "Record.No.StartsWith(\"LIFE-\", StringComparison.Ordinal)",
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

        // The host decides from its copy first; the database refuses the event's insert as decided against a stale
        // copy, and the host decides again from the current one: the event is stored once, unmatched.
        Assert.Equal(0, await StartedInstancesAsync("SQL-2"));
        Assert.Equal(
            "Unmatched",
            await host.QueryScalarAsync<string>("SELECT string_agg(status, ',') FROM workflow.received_events WHERE record_key = 'SQL-2'"));
    }

    [Fact]
    public async Task Create_ShowsEveryStepWithItsConditionInWordsAndTheEntryPoint_WhenGivenTheStepShape()
    {
        var created = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", new
        {
            code = "STEP-SHAPE",
            description = "A tree with alternatives and a loop back",
            category = "PURCH",
            steps = new[]
            {
                Event("1", Requested, condition: "Record.Amount  >  1000m"),
                Response("2", SetStatus, "1", new { status = "PendingApproval" }),
                Event("3", Canceled, "2"),
                Event("4", Released, "2", sequence: 2),
                Note("5", "4"),
                Response("6", SetStatus, "3", new { status = "Open" }, next: "2"),
            },
        });

        Assert.Equal("PURCH", created.GetProperty("category").GetString());
        Assert.Equal(Requested, created.GetProperty("entryEvent").GetString());
        Assert.True(created.GetProperty("valid").GetBoolean(), created.ToString());
        var steps = created.GetProperty("steps");
        Assert.Equal(["1", "2", "3", "4", "5", "6"], steps.Codes("id"));
        Assert.Equal([true, false, false, false, false, false], steps.EnumerateArray().Select(s => s.GetProperty("entryPoint").GetBoolean()));
        Assert.Equal("Record.Amount  >  1000m", steps[0].GetProperty("conditionText").GetString());
        Assert.Equal("2", steps[5].GetProperty("nextStepId").GetString());
        Assert.Equal(2, steps[3].GetProperty("sequence").GetInt32());
        Assert.Equal("SubWorkflow", (await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows",
            Workflow("STEP-SUB", Event("1", Requested, condition: "Record.No == \"SUB\""), Sub("2", "STEP-SHAPE", "1"))))
            .GetProperty("steps")[1].GetProperty("type").GetString());
        var list = await host.Admin.GetJsonAsync("/api/workflows");
        Assert.Contains("STEP-SHAPE", list.Codes());
    }

    [Theory]
    [InlineData("""{ "type": "Event", "function": "PURCHASE_APPROVAL_REQUESTED" }""", "steps[0].id", "Give the step an id")]
    [InlineData("""{ "id": "1", "function": "PURCHASE_APPROVAL_REQUESTED" }""", "steps[0].type", "Give the step's type")]
    [InlineData("""{ "id": "1", "type": "Trigger", "function": "PURCHASE_APPROVAL_REQUESTED" }""", "steps[0].type", "'Trigger' is not a step type")]
    [InlineData("""{ "id": "1", "type": "Event" }""", "steps[0].function", "Name the step's function")]
    [InlineData("""{ "id": "1", "type": "Event", "function": "PURCHASE_APPROVAL_REQUESTED", "condition": { "code": "true", "script": "x" } }""", "steps[0].condition", "not both")]
    [InlineData("""{ "id": "1", "type": "Event", "function": "CUSTOMER_CHANGED", "condition": { "changeRules": [ { "field": "CreditLimit", "change": "Doubled" } ] } }""", "steps[0].condition.changeRules[0].change", "'Doubled' is not a change")]
    public async Task Create_IsRefusedWith400NamingTheField_WhenAStepIsUnreadable(string step, string key, string fragment)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$"""{ "code": "UNREADABLE", "description": "Unreadable", "steps": [ {{step}} ] }""");

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows", body);

        refused.AssertProblem(key, fragment);
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/UNREADABLE");
    }

    [Fact]
    public async Task Create_ReportsProblemsUnderTheFieldsSent_WhenGivenTheSimpleShape()
    {
        var unreadable = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows", new { code = "SIMPLE", description = "Simple", responses = Array.Empty<object>() });
        unreadable.AssertProblem("entryEvent", "Name the event");
        unreadable.AssertProblem("responses", "Add at least one response");

        var broken = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows", new
        {
            code = "SIMPLE",
            description = "Simple",
            entryEvent = Requested,
            condition = "Record.Amont > 1",
            responses = new[] { new { function = Steps.NoteResponse } },
        });
        broken.AssertProblem("condition", "line 1, column 8:");

        var notEnabled = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows", new
        {
            code = "SIMPLE",
            description = "Simple",
            enabled = true,
            entryEvent = Requested,
            condition = "Record.No == \"SIMPLE\"",
            responses = new[] { new { function = Steps.NoteResponse } },
        });
        notEnabled.AssertProblem("responses[0].options.text", "Step '2' (NOTE_PURCHASE_DOCUMENT)");

        await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows", new
        {
            code = "SIMPLE", description = "Both shapes", entryEvent = Requested, steps = new[] { Event("1", Requested) },
        });
    }

    private async Task<int> StartedInstancesAsync(string documentNo) =>
        (await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder(documentNo, 1m) }))
            .GetProperty("instances").GetArrayLength();
}
