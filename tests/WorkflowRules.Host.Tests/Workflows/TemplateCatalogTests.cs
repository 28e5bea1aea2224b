using System.Net;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>Templates follow the plugin catalog while the host runs (a host of its own: it removes and adds a plugin).</summary>
public sealed class TemplateCatalogTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Templates_StayUntilResetAndComeBackByThemselves_WhenTheirPluginGoesAndReturns()
    {
        var customerTemplates = (await host.Admin.GetJsonAsync("/api/catalog/templates")).EnumerateArray()
            .Where(t => t.GetProperty("pluginId").GetString() == "customers").Select(t => t.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(customerTemplates);
        await host.Admin.GetJsonAsync("/api/templates");

        var folder = Path.Combine(host.PluginsDirectory, "customers");
        Directory.Delete(folder, recursive: true);
        await host.Admin.WaitForAsync("/api/catalog/templates", t => !t.Codes().Intersect(customerTemplates).Any(), TimeSpan.FromSeconds(30));

        Assert.Superset(customerTemplates.ToHashSet(), (await host.Admin.GetJsonAsync("/api/templates")).Codes().ToHashSet());
        var reset = await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/templates/reset");
        Assert.Equal(customerTemplates.Order(StringComparer.Ordinal), reset.GetProperty("removed").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal));

        RepositoryPaths.CopyDirectory(RepositoryPaths.ProductPlugin("customers"), folder);

        // Listing workflows does not synchronise templates itself: the follower must have noticed the new catalog.
        await host.Admin.WaitForAsync("/api/workflows?includeTemplates=true", w => customerTemplates.All(w.Codes().Contains), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Template_ChangedByAPluginRelease_IsPublishedAsANewVersion_WithoutAReset()
    {
        var folder = Path.Combine(host.PluginsDirectory, "versioned");
        RepositoryPaths.CopyDirectory(RepositoryPaths.TestPlugin("versioned-v1"), folder);
        await host.Admin.WaitForAsync("/api/templates", t => WidgetStampDescription(t) == "Stamp new widgets (v1)", TimeSpan.FromSeconds(30));

        Directory.Delete(folder, recursive: true);
        RepositoryPaths.CopyDirectory(RepositoryPaths.TestPlugin("versioned-v2"), folder);

        // Listing templates synchronises them once the catalog has the new release; no reset is asked for.
        await host.Admin.WaitForAsync("/api/templates", t => WidgetStampDescription(t) == "Stamp new widgets (v2)", TimeSpan.FromSeconds(30));
        var template = await host.Admin.GetJsonAsync("/api/templates/WIDGET-STAMP");
        Assert.Contains("\"v2\"", template.GetRawText(), StringComparison.Ordinal);
        var versions = (await host.Admin.GetJsonAsync("/api/workflows/WIDGET-STAMP/versions")).EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
    }

    private static string? WidgetStampDescription(System.Text.Json.JsonElement templates) =>
        templates.EnumerateArray().FirstOrDefault(t => t.GetProperty("code").GetString() == "WIDGET-STAMP") is { ValueKind: System.Text.Json.JsonValueKind.Object } t
            ? t.GetProperty("description").GetString()
            : null;
}
