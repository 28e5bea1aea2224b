using System.Net;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>Every enabling check of BC-WORKFLOW.md §1 fails on its own, with its own message keyed by the step.</summary>
public sealed class WorkflowValidationTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    public static TheoryData<string> InvalidShapeNames => [.. InvalidShapes.All.Keys];

    [Theory]
    [MemberData(nameof(InvalidShapeNames))]
    public async Task Enable_FailsWithTheCheckOwnMessageKeyedByTheStep_WhenTheWorkflowBreaksIt(string name)
    {
        var shape = InvalidShapes.All[name];
        if (shape.Arrange is not null)
        {
            await shape.Arrange(host.Admin, name);
        }

        // Saving accepts the malformed tree (disabled) and shows the problem…
        var saved = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", shape.Workflow(name));
        Assert.False(saved.GetProperty("enabled").GetBoolean());
        Assert.False(saved.GetProperty("valid").GetBoolean());
        saved.GetProperty("problems").AssertProblem(shape.Key, shape.Fragment);

        // …enabling refuses it with the same message.
        var refused = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/workflows/{name}/enable");
        refused.AssertProblem(shape.Key, shape.Fragment);
        Assert.Contains($"'{name}' cannot be enabled", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        var after = await host.Admin.GetJsonAsync($"/api/workflows/{name}");
        Assert.False(after.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Enable_Succeeds_WhenEveryCheckPasses()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Valid("VALID"));

        var enabled = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/VALID/enable");

        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.True(enabled.GetProperty("valid").GetBoolean(), enabled.ToString());
        Assert.Empty(enabled.GetProperty("problems").EnumerateObject());
    }

    [Fact]
    public async Task Create_ReportsEveryProblemAtOnce_WhenEnabledAtCreation()
    {
        var refused = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows", new
        {
            code = "MANY-PROBLEMS",
            description = "Several checks fail",
            category = "NOPE",
            enabled = true,
            steps = new[] { Event("1", Requested, condition: "Record.No == \"MANY\""), Response("2", Steps.NoteResponse, "1"), Note("3", "9") },
        });

        refused.AssertProblem("category", "Category 'NOPE' is unknown");
        refused.AssertProblem("steps[1].options.text", "Step '2'");
        refused.AssertProblem("steps[2].parentId", "Step '3' follows step '9'");
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/MANY-PROBLEMS");
    }

    [Theory]
    [InlineData("COND-COMPILE", Requested, "Record.Amont > 1", null, "steps[0].condition.code", "line 1, column 8:")]
    [InlineData("RULE-FIELD", "CUSTOMER_CHANGED", null, "CreditLimt", "steps[0].condition.changeRules[0]", "Customer has no field 'CreditLimt'")]
    [InlineData("RULE-NO-PREVIOUS", Requested, null, "Amount", "steps[0].condition.changeRules[0]", "can never hold")]
    public async Task Create_IsRefusedAndStoresNothing_WhenAConditionDoesNotCompileOrARuleDoesNotFit(
        string code, string entryEvent, string? condition, string? changedField, string key, string fragment)
    {
        var response = entryEvent == Requested ? Note("2", "1") : Response("2", "BLOCK_CUSTOMER", "1", new { reason = "test" });
        var rules = changedField is null ? null : new object[] { new { field = changedField, change = "Increased" } };

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows",
            Workflow(code, Event("1", entryEvent, condition: condition, changeRules: rules), response));

        refused.AssertProblem(key, fragment);
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/workflows/{code}");
    }
}
