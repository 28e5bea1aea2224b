using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>The API is authenticated; roles decide who may do what; the dashboard is for operators.</summary>
public sealed class AccessTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Theory]
    [InlineData("GET", "/api/workflows")]
    [InlineData("POST", "/api/events")]
    [InlineData("GET", "/api/catalog/events")]
    [InlineData("GET", "/api/plugins")]
    [InlineData("GET", "/api/plugins/contexts")]
    [InlineData("POST", "/api/plugins/contexts/collect")]
    [InlineData("GET", "/hangfire")]
    public async Task Endpoint_Returns401WithChallenge_WhenCallerIsAnonymous(string method, string url)
    {
        using var anonymous = host.CreateClient(apiKey: null);

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
    }

    [Fact]
    public async Task Endpoint_Returns401_WhenKeyIsUnknown()
    {
        using var client = host.CreateClient("wr_aaaaaaaaaaaa_not-a-real-key-at-all-000");

        var response = await client.GetAsync("/api/catalog/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApplicationKey_CanPostEventsButNotDefineWorkflowsOrOpenDashboard()
    {
        using var application = host.CreateClient(await host.CreateKeyAsync("application"));

        var post = await application.PostAsJsonAsync("/api/events", new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("ACL-1", 1m) });
        var define = await application.PostAsJsonAsync("/api/workflows", new { code = "ACL" });
        var dashboard = await application.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, define.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
    }

    [Fact]
    public async Task OperatorKey_ReadsPluginContextsButCannotForceCollections()
    {
        using var operatorClient = host.CreateClient(await host.CreateKeyAsync("operator"));

        var read = await operatorClient.GetAsync("/api/plugins/contexts");
        var collect = await operatorClient.PostAsync("/api/plugins/contexts/collect", null);
        var collectAsAdmin = await host.Admin.PostAsync("/api/plugins/contexts/collect", null);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, collect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, collectAsAdmin.StatusCode);
    }

    [Fact]
    public async Task OperatorKey_OpensDashboardThroughBasicAuthentication()
    {
        var key = await host.CreateKeyAsync("operator");
        using var browser = host.CreateClient(apiKey: null);
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"operator:{key}")));

        var response = await browser.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("WorkflowRules jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        var created = await (await host.Admin.PostAsJsonAsync("/api/keys", new { name = "short-lived", roles = new[] { "operator" } }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var client = host.CreateClient(created.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/plugins")).StatusCode);

        var revoke = await host.Admin.DeleteAsync($"/api/keys/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/plugins")).StatusCode);
    }

    [Fact]
    public async Task Health_IsOpenAndChecksPostgres()
    {
        using var anonymous = host.CreateClient(apiKey: null);

        var health = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }

    [Fact]
    public async Task StoredKeys_AreHashes_NotTheKeysThemselves()
    {
        var key = await host.CreateKeyAsync("application");

        var listed = await host.Admin.GetStringAsync("/api/keys");

        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM workflow.api_keys WHERE hash = @key OR prefix = @key", connection);
        command.Parameters.AddWithValue("key", key);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
