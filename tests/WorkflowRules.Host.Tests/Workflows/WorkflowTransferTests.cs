using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>Export then import loses nothing; import never drops what it cannot resolve, it reports it.</summary>
public sealed class WorkflowTransferTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Export_WritesEveryFieldOfEveryStep_WhenAWorkflowUsesThemAll()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", new
        {
            code = "T-FULL",
            description = "Every field",
            category = "SALES",
            steps = new object[]
            {
                Event("1", "CUSTOMER_CHANGED", condition: "Record.CreditLimit > 100m", changeRules: [new { field = "CreditLimit", change = "Increased" }]),
                Response("2", "BLOCK_CUSTOMER", "1", new { reason = "raised" }, sequence: 3, next: "1"),
            },
        });

        var document = await host.Admin.GetJsonAsync("/api/workflows/T-FULL/export");

        Assert.Equal(1, document.GetProperty("formatVersion").GetInt32());
        Assert.True(document.TryGetProperty("exportedAt", out _));
        var workflow = Assert.Single(document.GetProperty("workflows").EnumerateArray());
        Assert.Equal("SALES", workflow.GetProperty("category").GetString());
        var steps = workflow.GetProperty("steps");
        var condition = steps[0].GetProperty("condition");
        Assert.Equal("Record.CreditLimit > 100m", condition.GetProperty("code").GetString());
        Assert.Equal("CreditLimit", condition.GetProperty("changeRules")[0].GetProperty("field").GetString());
        Assert.Equal("Increased", condition.GetProperty("changeRules")[0].GetProperty("change").GetString());
        Assert.Equal("Event", steps[0].GetProperty("type").GetString());
        Assert.Equal(("Response", "BLOCK_CUSTOMER", "1", 3, "1", "raised"), (
            steps[1].GetProperty("type").GetString(), steps[1].GetProperty("function").GetString(), steps[1].GetProperty("parentId").GetString(),
            steps[1].GetProperty("sequence").GetInt32(), steps[1].GetProperty("nextStepId").GetString(), steps[1].GetProperty("options").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Import_CreatesDisabledWorkflowsThatExportIdentically_WhenGivenAnExportOfSeveral()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Valid("T-A"));
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Workflow("T-B", Event("1", Requested, condition: "Record.Amount > 7m"), Note("2", "1"), Sub("3", "T-A", "2")));
        var export = await host.Admin.GetJsonAsync("/api/workflows/export?code=T-A&code=T-B");
        var renamed = JsonNode.Parse(export.GetRawText())!;
        foreach (var workflow in renamed["workflows"]!.AsArray())
        {
            workflow!["code"] = "T-COPY-" + workflow["code"]!.GetValue<string>()[2..];
        }

        renamed["workflows"]![1]!["steps"]![2]!["function"] = "T-COPY-A";

        var imported = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/import", renamed);

        Assert.Equal(["T-COPY-A", "T-COPY-B"], imported.GetProperty("workflows").Codes());
        Assert.All(imported.GetProperty("workflows").EnumerateArray(), w => Assert.Equal("Created", w.GetProperty("outcome").GetString()));
        var again = JsonNode.Parse((await host.Admin.GetJsonAsync("/api/workflows/export?code=T-COPY-A&code=T-COPY-B")).GetRawText())!;
        Assert.True(JsonNode.DeepEquals(renamed["workflows"], again["workflows"]), $"{renamed["workflows"]} != {again["workflows"]}");
        Assert.False((await host.Admin.GetJsonAsync("/api/workflows/T-COPY-B")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Import_StoresTheDocumentAsGivenAndReportsEachOne_WhenReferencesAreUnresolved()
    {
        var document = Document(new
        {
            code = "T-UNRESOLVED",
            description = "Refers to things this host does not have",
            category = "NOPE",
            steps = new object[]
            {
                new { id = "1", type = "Event", function = "CUSTOMER_CHANGED", condition = new { script = "no-such-script", changeRules = new[] { new { field = "NoSuchField", change = "Changed" } } } },
                Response("2", "NO_SUCH_RESPONSE", "1", new { anything = 1 }),
                Sub("3", "NO-SUCH-FLOW", "2"),
            },
        });

        var imported = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/import", document);

        var result = Assert.Single(imported.GetProperty("workflows").EnumerateArray());
        Assert.False(result.GetProperty("valid").GetBoolean());
        var problems = result.GetProperty("problems");
        problems.AssertProblem("category", "Category 'NOPE' is unknown");
        problems.AssertProblem("steps[0].condition.script", "no-such-script");
        problems.AssertProblem("steps[0].condition.changeRules[0]", "NoSuchField");
        problems.AssertProblem("steps[1].function", "NO_SUCH_RESPONSE");
        problems.AssertProblem("steps[2].function", "NO-SUCH-FLOW");
        var export = await host.Admin.GetJsonAsync("/api/workflows/T-UNRESOLVED/export");
        var steps = export.GetProperty("workflows")[0].GetProperty("steps");
        Assert.Equal(3, steps.GetArrayLength());
        Assert.Equal("no-such-script", steps[0].GetProperty("condition").GetProperty("script").GetString());
        Assert.Equal(1, steps[1].GetProperty("options").GetProperty("anything").GetInt32());
    }

    [Fact]
    public async Task Import_MakesANewVersionOrADraftWhenEnabled_WhenTheCodeExists()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Valid("T-DISABLED"));
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows",
            Enabled("T-ENABLED", Event("1", Requested, condition: "Record.No == \"T-ENABLED\""), Note("2", "1")));
        var document = Document(
            new { code = "T-DISABLED", description = "Imported over", steps = new[] { Event("1", Requested, condition: "Record.No == \"T-DISABLED\""), Note("2", "1", "imported") } },
            new { code = "T-ENABLED", description = "Imported over", steps = new[] { Event("1", Requested, condition: "Record.No == \"T-ENABLED\""), Note("2", "1", "imported") } });

        var imported = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/import", document);

        var results = imported.GetProperty("workflows");
        Assert.Equal(("Published", 2), (results[0].GetProperty("outcome").GetString(), results[0].GetProperty("version").GetInt32()));
        Assert.Equal(("Drafted", 2), (results[1].GetProperty("outcome").GetString(), results[1].GetProperty("version").GetInt32()));
        var disabled = await host.Admin.GetJsonAsync("/api/workflows/T-DISABLED");
        Assert.Equal((2, "Imported over"), (disabled.GetProperty("version").GetInt32(), disabled.GetProperty("description").GetString()));
        var enabled = await host.Admin.GetJsonAsync("/api/workflows/T-ENABLED");
        Assert.Equal(1, enabled.GetProperty("version").GetInt32());
        Assert.Equal(2, enabled.GetProperty("draft").GetProperty("number").GetInt32());
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Import_StoresNothing_WhenAStepIsUnreadableOrATemplateWouldBeOverwritten()
    {
        var unreadable = Document(
            new { code = "T-FIRST", description = "Fine", steps = new[] { Event("1", Requested) } },
            new { code = "T-SECOND", description = "Broken", steps = new object[] { Event("1", Requested), new { id = "2", type = "Reaction", function = Steps.NoteResponse, parentId = "1" } } });

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows/import", unreadable);

        refused.AssertProblem("workflows[1].steps[1].type", "'Reaction' is not a step type");
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/T-FIRST");
        var template = (await host.Admin.GetJsonAsync("/api/templates"))[0].GetProperty("code").GetString();
        var overTemplate = Document(new { code = template, description = "Over a template", steps = new[] { Event("1", Requested) } });
        var conflict = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/workflows/import", overTemplate);
        Assert.Contains("is a template", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows/import", new { formatVersion = 2, workflows = Array.Empty<object>() });
    }

    [Fact]
    public async Task Export_AnswersNotFound_WhenACodeIsUnknown()
    {
        var missing = await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/export?code=T-NOWHERE");

        Assert.Contains("'T-NOWHERE'", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_DescribesTheDocument_WhenAskedWithoutAKey()
    {
        using var anonymous = host.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/api/workflows/export/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, schema.GetProperty("properties").GetProperty("formatVersion").GetProperty("const").GetInt32());
        Assert.Equal(["id", "type", "function"], schema.GetProperty("$defs").GetProperty("step").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var stepFields = schema.GetProperty("$defs").GetProperty("step").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["id", "type", "function", "parentId", "sequence", "nextStepId", "condition", "options"], stepFields);
    }

    private static object Document(params object[] workflows) => new { formatVersion = 1, workflows };
}
