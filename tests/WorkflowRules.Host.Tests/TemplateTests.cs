using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Host.Tests.Workflows;

namespace WorkflowRules.Host.Tests;

/// <summary>Templates: what plugins ship, materialised as read-only workflows to create workflows from.</summary>
public sealed class TemplateTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task EveryShippedTemplate_HasAKnownEntryEventAndACompilingCondition()
    {
        var templates = await host.Admin.GetJsonAsync("/api/catalog/templates");
        var events = (await host.Admin.GetJsonAsync("/api/catalog/events")).EnumerateArray().Select(e => e.GetProperty("functionName").GetString()).ToHashSet();

        Assert.True(templates.GetArrayLength() >= 3, templates.ToString());
        foreach (var template in templates.EnumerateArray())
        {
            var entryEvent = template.GetProperty("entryEvent").GetString();
            Assert.Contains(entryEvent, events);
            if (template.TryGetProperty("condition", out var condition) && condition.ValueKind == JsonValueKind.String)
            {
                var response = await host.Admin.PostAsJsonAsync("/api/conditions/validate", new { @event = entryEvent, condition = condition.GetString() });
                var result = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(result.GetProperty("valid").GetBoolean(), $"{template.GetProperty("code")}: {result}");
            }
        }
    }

    [Fact]
    public async Task List_ShowsEachShippedTemplateAsADisabledReadOnlyWorkflow_WhenPluginsShipThem()
    {
        var shipped = await host.Admin.GetJsonAsync("/api/catalog/templates");

        var templates = await host.Admin.GetJsonAsync("/api/templates");

        Assert.Equal(shipped.Codes().Order(StringComparer.Ordinal), templates.Codes().Order(StringComparer.Ordinal));
        foreach (var template in templates.EnumerateArray())
        {
            var source = shipped.EnumerateArray().Single(s => s.GetProperty("code").GetString() == template.GetProperty("code").GetString());
            Assert.True(template.GetProperty("isTemplate").GetBoolean());
            Assert.False(template.GetProperty("enabled").GetBoolean());
            Assert.Equal(source.GetProperty("pluginId").GetString(), template.GetProperty("templateSource").GetString());
            Assert.True(template.GetProperty("steps").GetArrayLength() > 0);
            Assert.Equal(1, template.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("entryPoint").GetBoolean()));
        }

        Assert.DoesNotContain((await host.Admin.GetJsonAsync("/api/workflows")).Codes(), templates.Codes().Contains);
        Assert.Superset(templates.Codes().ToHashSet(), (await host.Admin.GetJsonAsync("/api/workflows?includeTemplates=true")).Codes().ToHashSet());
    }

    [Fact]
    public async Task Import_RecreatesIdenticalDefinitions_WhenGivenTheExportOfEveryShippedTemplate()
    {
        var codes = (await host.Admin.GetJsonAsync("/api/templates")).Codes();
        var export = JsonNode.Parse((await host.Admin.GetJsonAsync($"/api/workflows/export?{string.Join('&', codes.Select(c => $"code={c}"))}")).GetRawText())!;
        var renames = codes.Select((code, i) => (code, copy: $"RT-{i}")).ToDictionary(p => p.code, p => p.copy);
        foreach (var workflow in export["workflows"]!.AsArray())
        {
            workflow!["code"] = renames[workflow["code"]!.GetValue<string>()];
            foreach (var step in workflow["steps"]!.AsArray().Where(s => s!["type"]!.GetValue<string>() == "SubWorkflow"))
            {
                step!["function"] = renames.GetValueOrDefault(step["function"]!.GetValue<string>(), step["function"]!.GetValue<string>());
            }
        }

        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/import", export);

        var again = JsonNode.Parse((await host.Admin.GetJsonAsync($"/api/workflows/export?{string.Join('&', renames.Values.Select(c => $"code={c}"))}")).GetRawText())!;
        var expected = export["workflows"]!.AsArray().OrderBy(w => w!["code"]!.GetValue<string>(), StringComparer.Ordinal).Select(w => w!.ToJsonString());
        var actual = again["workflows"]!.AsArray().Select(w => w!.ToJsonString());
        foreach (var (before, after) in expected.Zip(actual))
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(before), JsonNode.Parse(after)), $"{before}\n!=\n{after}");
        }
    }

    [Fact]
    public async Task CreateWorkflow_CopiesTheTemplateDisabledUnderTheNextFreeSuffix_WhenNoCodeIsGiven()
    {
        var template = (await host.Admin.GetJsonAsync("/api/templates"))[0];
        var code = template.GetProperty("code").GetString()!;

        var first = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/templates/{code}/create-workflow");
        var second = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/templates/{code}/create-workflow", new { description = "My own" });
        var named = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/templates/{code}/create-workflow", new { code = "FROM-TEMPLATE" });

        var prefix = code[..Math.Min(code.Length, 17)].TrimEnd('-', '_');
        Assert.Equal([$"{prefix}-01", $"{prefix}-02", "FROM-TEMPLATE"], new[] { first, second, named }.Select(w => w.GetProperty("code").GetString()));
        Assert.Equal(template.GetProperty("description").GetString(), first.GetProperty("description").GetString());
        Assert.Equal("My own", second.GetProperty("description").GetString());
        Assert.False(first.GetProperty("isTemplate").GetBoolean());
        Assert.False(first.GetProperty("enabled").GetBoolean());
        Assert.Equal(template.GetProperty("category").GetString(), first.GetProperty("category").GetString());
        Assert.Equal(template.GetProperty("steps").GetRawText(), first.GetProperty("steps").GetRawText());
        await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/templates/{code}/create-workflow", new { code = "FROM-TEMPLATE" });
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/templates/FROM-TEMPLATE/create-workflow");
    }

    [Fact]
    public async Task Copy_MakesAnIndependentDisabledWorkflow_WhenTheSourceIsATemplateOrAWorkflow()
    {
        var code = (await host.Admin.GetJsonAsync("/api/templates"))[0].GetProperty("code").GetString()!;

        var copy = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/workflows/{code}/copy", new { code = "COPIED" });
        var copyOfCopy = await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows/COPIED/copy", new { code = "COPIED-AGAIN", description = "Again" });

        Assert.False(copy.GetProperty("isTemplate").GetBoolean());
        Assert.Equal(copy.GetProperty("steps").GetRawText(), copyOfCopy.GetProperty("steps").GetRawText());
        Assert.Equal(1, copyOfCopy.GetProperty("version").GetInt32());
        (await host.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/workflows/COPIED/copy", new { code = "lower" })).AssertProblem("code", "upper-case");
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/workflows/NO-SUCH/copy", new { code = "NEVER" });
    }

    [Fact]
    public async Task Edits_AreRefusedWithAClearConflict_WhenTheWorkflowIsATemplate()
    {
        var template = (await host.Admin.GetJsonAsync("/api/templates"))[0];
        var code = template.GetProperty("code").GetString()!;
        var version = template.GetProperty("version").GetInt32();
        var request = new { code, description = "Edited", steps = new[] { Steps.Event("1", Steps.Requested) } };

        foreach (var (method, url, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Put, $"/api/workflows/{code}", request),
            (HttpMethod.Delete, $"/api/workflows/{code}", null),
            (HttpMethod.Post, $"/api/workflows/{code}/enable", null),
            (HttpMethod.Post, $"/api/workflows/{code}/publish", null),
            (HttpMethod.Delete, $"/api/workflows/{code}/draft", null),
        })
        {
            var refused = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, method, url, body);
            Assert.Contains("templates are read-only", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var after = await host.Admin.GetJsonAsync($"/api/templates/{code}");
        Assert.Equal(template.GetProperty("steps").GetRawText(), after.GetProperty("steps").GetRawText());
        Assert.Equal(version, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Reset_RestoresChangedTemplatesAndRemovesUnshippedOnes_WhenTheyDifferFromTheCatalog()
    {
        var code = (await host.Admin.GetJsonAsync("/api/templates"))[0].GetProperty("code").GetString()!;
        var original = (await host.Admin.GetJsonAsync($"/api/templates/{code}")).GetProperty("steps").GetRawText();
        await host.ExecuteSqlAsync(
            $"UPDATE workflow.workflow_versions SET definition_json = '{{\"steps\":[]}}' WHERE id = (SELECT current_version_id FROM workflow.workflows WHERE code = '{code}')");
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Steps.Valid("GONE-TEMPLATE"));
        await host.ExecuteSqlAsync("UPDATE workflow.workflows SET is_template = true, template_source = 'retired-plugin' WHERE code = 'GONE-TEMPLATE'");

        var reset = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/templates/reset");

        Assert.Contains(code, reset.GetProperty("updated").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["GONE-TEMPLATE"], reset.GetProperty("removed").EnumerateArray().Select(c => c.GetString()));
        var restored = await host.Admin.GetJsonAsync($"/api/templates/{code}");
        Assert.Equal(original, restored.GetProperty("steps").GetRawText());
        Assert.Equal(2, restored.GetProperty("version").GetInt32());
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/GONE-TEMPLATE");
        var again = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/templates/reset");
        Assert.Empty(again.GetProperty("updated").EnumerateArray());
        Assert.Empty(again.GetProperty("added").EnumerateArray());
    }

    [Fact]
    public async Task Reset_IsForbidden_WhenTheCallerIsAnOperator()
    {
        using var operatorClient = host.CreateClient(await host.CreateKeyAsync("operator"));

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/templates/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/templates")).StatusCode);
    }
}
