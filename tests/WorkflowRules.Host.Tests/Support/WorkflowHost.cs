using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Testing;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>
/// One running host per test class: its own database (on the shared test PostgreSQL), plugins folder,
/// scripts folder and data folder, with the product plugins copied in from their build output.
/// </summary>
public sealed class WorkflowHost : IAsyncLifetime
{
    public const string AdminKey = "wr_0123456789ab_host-tests-administrator-key";

    private readonly PostgresDatabaseFixture _postgres = new();
    private WorkflowHostFactory? _factory;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "workflowrules-host-tests", Guid.NewGuid().ToString("N"));

    public string PluginsDirectory => Path.Combine(Root, "plugins");

    public string ScriptsDirectory => Path.Combine(Root, "scripts");

    public string ConnectionString { get; private set; } = "";

    public HttpClient Admin { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("host");
        RepositoryPaths.CopyDirectory(RepositoryPaths.ProductPlugin("purchasing"), Path.Combine(PluginsDirectory, "purchasing"));
        RepositoryPaths.CopyDirectory(RepositoryPaths.ProductPlugin("customers"), Path.Combine(PluginsDirectory, "customers"));
        RepositoryPaths.CopyDirectory(RepositoryPaths.TestPlugin("flaky"), Path.Combine(PluginsDirectory, "flaky"));
        RepositoryPaths.CopyDirectory(RepositoryPaths.Scripts, ScriptsDirectory);

        _factory = new WorkflowHostFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:WorkflowRules"] = ConnectionString,
            ["Storage:Path"] = Path.Combine(Root, "data"),
            ["Plugins:Directory"] = PluginsDirectory,
            ["Plugins:ShadowCopyDirectory"] = Path.Combine(Root, "shadow"),
            ["Plugins:Debounce"] = "00:00:00.200",
            ["Plugins:RescanInterval"] = "00:00:01",
            ["Conditions:ScriptsDirectory"] = ScriptsDirectory,
            ["Access:BootstrapAdminKey"] = AdminKey,
            ["Jobs:WorkerCount"] = "4",
            ["Jobs:QueuePollInterval"] = "00:00:00.500",
            ["Jobs:OutboxSweepInterval"] = "00:00:00.500",
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Admin = CreateClient(AdminKey);
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = _factory!.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Creates a key with the given roles through the API, as an administrator would.</summary>
    public async Task<string> CreateKeyAsync(params string[] roles)
    {
        var response = await Admin.PostAsJsonAsync("/api/keys", new { name = $"test-{string.Join('-', roles)}", roles });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("key").GetString()!;
    }

    public T GetRequiredService<T>()
        where T : notnull => _factory!.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A plugin shadow copy may still be mapped; the temp folder is cleaned by the OS.
        }
    }
}
