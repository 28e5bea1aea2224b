using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowRules.Testing;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>
/// One running host per test class: its own database (on the shared test PostgreSQL), plugins folder,
/// scripts folder and data folder, with the product plugins copied in from their build output.
/// </summary>
public class WorkflowHost : IAsyncLifetime
{
    public const string AdminKey = "wr_0123456789ab_host-tests-administrator-key";

    private readonly PostgresDatabaseFixture _postgres = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private WorkflowHostFactory? _factory;

    public WorkflowHost()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>For a fixture whose host differs from the others in some settings (they override the defaults below).</summary>
    protected WorkflowHost(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

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

        _factory = CreateFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        Admin = CreateClient(AdminKey);
    }

    /// <summary>
    /// A second host process on the same database, plugins and scripts (its own Hangfire server and pools), with this
    /// fixture's settings but for <paramref name="overrides"/>.
    /// </summary>
    public WorkflowHostFactory StartAnotherHost(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var factory = CreateFactory(overrides);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    public HttpClient CreateClient(string? apiKey) => CreateClient(_factory!, apiKey);

    public static HttpClient CreateClient(WorkflowHostFactory factory, string? apiKey)
    {
        var client = factory.CreateClient();
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

    private WorkflowHostFactory CreateFactory(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
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
        };
        foreach (var (key, value) in _settings.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return new WorkflowHostFactory(settings);
    }

    /// <summary>For failure messages: the outbox row and the Hangfire jobs (with their state history) of an instance.</summary>
    public async Task<string> DescribeJobsAsync(string instanceId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT coalesce((SELECT string_agg(format('outbox %s dispatched %s job %s', id, dispatched_at, job_id), '; ') FROM workflow.outbox_messages WHERE instance_id::text = @id), 'no outbox row')
              || ' | ' ||
              coalesce((SELECT string_agg(format('job %s %s [%s]', j.id, j.statename,
                  (SELECT string_agg(s.name || coalesce(' ' || s.reason, ''), ' > ' ORDER BY s.id) FROM hangfire.state s WHERE s.jobid = j.id)), '; ')
                FROM hangfire.job j WHERE j.arguments::text LIKE '%' || @id || '%'), 'no job')
              || ' | servers: ' || coalesce((SELECT string_agg(format('%s heartbeat %s', id, lastheartbeat), '; ') FROM hangfire.server), 'none')
              || ' | sessions: ' || coalesce((SELECT string_agg(format('%s %s %s', n, state, q), '; ') FROM
                   (SELECT count(*) n, state, left(query, 60) q FROM pg_stat_activity WHERE datname = current_database() GROUP BY 2, 3) a), '')
              || ' | all sessions: ' || (SELECT count(*) FROM pg_stat_activity)
              || ' | queue: ' || coalesce((SELECT string_agg(format('%s job %s %s fetched %s', id, jobid, queue, fetchedat), '; ') FROM hangfire.jobqueue), 'empty')
              || ' | locks: ' || coalesce((SELECT string_agg(format('%s at %s', resource, acquired), '; ') FROM hangfire.lock), 'none')
              || ' | server data: ' || coalesce((SELECT string_agg(data::text, '; ') FROM hangfire.server), '')
              || ' | all jobs: ' || coalesce((SELECT string_agg(format('%s %s %s', id, statename, left(arguments::text, 50)), '; ' ORDER BY id) FROM hangfire.job), '')
            """, connection);
        command.Parameters.AddWithValue("id", instanceId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL on the host's database behind its back, as an operator in psql would (or a test laying a trap).</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one value straight from the host's database.</summary>
    public async Task<T> QueryScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
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
