using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Plugins.Diagnostics;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>The HTTP shape of <c>/api/plugins/contexts</c>, mapped as the host maps it (JSON with enums as strings).</summary>
public sealed class PluginContextEndpointsTests : IAsyncDisposable
{
    private const string ReadPolicy = "read";
    private const string CollectPolicy = "collect";
    private readonly PluginDirectory _directory = new();
    private WebApplication? _app;

    [Fact]
    public async Task GetContexts_ReturnsCountsAndRetiredList_WhenAReplacedVersionIsPinned()
    {
        _directory.AddTestPlugin("versioned-v1", "widgets");
        var app = await StartAsync();
        var catalog = app.Services.GetRequiredService<IPluginCatalog>();
        using var lease = catalog.Acquire();
        _directory.OverwriteWithTestPlugin("widgets", "versioned-v2");
        await catalog.RescanAsync(CancellationToken.None);

        using var response = await app.GetTestClient().GetAsync(new Uri("/api/plugins/contexts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(
            ["alive", "loaded", "draining", "unloaded", "collected", "retired"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 1, 1, 0), (root.GetProperty("alive").GetInt32(), root.GetProperty("loaded").GetInt32(), root.GetProperty("draining").GetInt32(), root.GetProperty("unloaded").GetInt32()));
        var retired = Assert.Single(root.GetProperty("retired").EnumerateArray().ToList());
        Assert.Equal("widgets", retired.GetProperty("folder").GetString());
        Assert.Equal("versioned", retired.GetProperty("pluginId").GetString());
        Assert.Equal("1.0.0", retired.GetProperty("version").GetString());
        Assert.Equal("Draining", retired.GetProperty("state").GetString());
        Assert.Equal(1, retired.GetProperty("leases").GetInt32());
        Assert.Equal(JsonValueKind.Null, retired.GetProperty("unloadedAt").ValueKind);
    }

    [Fact]
    public async Task PostCollect_ReportsNoRetiredContext_OnceTheLastLeaseEnded()
    {
        _directory.AddTestPlugin("versioned-v1", "widgets");
        var app = await StartAsync();
        var catalog = app.Services.GetRequiredService<IPluginCatalog>();
        var lease = catalog.Acquire();
        _directory.OverwriteWithTestPlugin("widgets", "versioned-v2");
        await catalog.RescanAsync(CancellationToken.None);
        lease.Dispose();

        using var response = await app.GetTestClient().PostAsync(new Uri("/api/plugins/contexts/collect", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal((1, 0, 0, 1L), (root.GetProperty("alive").GetInt32(), root.GetProperty("draining").GetInt32(), root.GetProperty("unloaded").GetInt32(), root.GetProperty("collected").GetInt64()));
        Assert.Empty(root.GetProperty("retired").EnumerateArray());
    }

    [Fact]
    public async Task MapPluginContexts_RequiresTheGivenPolicies()
    {
        var app = await StartAsync();

        var policies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToDictionary(
            e => e.RoutePattern.RawText!,
            e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList());

        Assert.Equal([ReadPolicy], policies["/api/plugins/contexts"]);
        Assert.Equal([CollectPolicy], policies["/api/plugins/contexts/collect"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _directory.Dispose();
    }

    private async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _directory.Root, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Plugins:Directory"] = _directory.Plugins;
        builder.Configuration["Plugins:ShadowCopyDirectory"] = _directory.Shadow;
        builder.Configuration["Plugins:Watch"] = "false";
        builder.Services.AddWorkflowPlugins(builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Who may call is the host's business (its access tests); here every policy lets everyone in.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireAssertion(_ => true))
            .AddPolicy(CollectPolicy, p => p.RequireAssertion(_ => true));
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGroup("/api/plugins").MapPluginContexts(ReadPolicy, CollectPolicy);
        await app.StartAsync();
        _app = app;
        return app;
    }
}
