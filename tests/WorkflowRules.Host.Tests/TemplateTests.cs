using System.Net.Http.Json;
using System.Text.Json;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>What the shipped plugins offer as templates must itself be valid.</summary>
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
}
