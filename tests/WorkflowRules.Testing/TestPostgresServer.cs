using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WorkflowRules.Persistence.Embedded;

namespace WorkflowRules.Testing;

/// <summary>
/// The PostgreSQL server of a test process: the server named by <see cref="ConnectionStringVariable"/> (an admin
/// connection string) when set, otherwise an embedded server (fsync off) whose data folder lives under the system
/// temp folder, keyed by the test assembly's name. Test assemblies run as separate processes, each with its own
/// folder; when the same assembly runs twice at once, the second takes the next free folder ("-1", "-2"…), since
/// a folder's owner lock admits one process. A reused folder restarts in well under a second.
/// </summary>
public sealed class TestPostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "WORKFLOWRULES_TEST_POSTGRES";

    private const int MaxFolderSlots = 8;

    // One server per test process, shared by every fixture in it; stopped when the process exits.
    private static readonly Lazy<Task<TestPostgresServer>> Shared = new(StartSharedAsync);

    private TestPostgresServer(string adminConnectionString, EmbeddedPostgresServer? embedded)
    {
        AdminConnectionString = adminConnectionString;
        Embedded = embedded;
    }

    /// <summary>Connects to the <c>postgres</c> maintenance database with rights to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The embedded server, or null when <see cref="ConnectionStringVariable"/> named one.</summary>
    public EmbeddedPostgresServer? Embedded { get; }

    public static Task<TestPostgresServer> GetSharedAsync() => Shared.Value;

    /// <summary>
    /// Uses the server named by <see cref="ConnectionStringVariable"/> as read by <paramref name="getEnvironmentVariable"/>,
    /// else starts an embedded one in a folder named after <paramref name="key"/> (the test assembly's name for the shared server).
    /// </summary>
    public static async Task<TestPostgresServer> StartAsync(
        Func<string, string?> getEnvironmentVariable, string key, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (getEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            builder.Database ??= "postgres";
            return new TestPostgresServer(builder.ConnectionString, embedded: null);
        }

        var root = Path.Combine(Path.GetTempPath(), "workflowrules-tests");
        for (var slot = 0; ; slot++)
        {
            var options = new EmbeddedPostgresOptions
            {
                DataDirectory = Path.Combine(root, slot == 0 ? key : $"{key}-{slot}"),
                Fsync = false,
                DatabaseName = null,
                MaxConnections = 300,
            };
            try
            {
                var embedded = await EmbeddedPostgresServer.StartAsync(options, logger, cancellationToken);
                var server = new TestPostgresServer(embedded.AdminConnectionString, embedded);
                await server.DropLeftoverDatabasesAsync(cancellationToken);
                return server;
            }
            catch (EmbeddedPostgresException exception) when (exception.Error == EmbeddedPostgresError.DataDirectoryInUse && slot + 1 < MaxFolderSlots)
            {
                logger.LogDebug("Test PostgreSQL folder {DataDirectory} is in use; trying the next one.", options.DataDirectory);
            }
            catch (EmbeddedPostgresException exception) when (exception.Error == EmbeddedPostgresError.BinariesNotFound)
            {
                throw new EmbeddedPostgresException(
                    exception.Error,
                    $"{exception.Message} For tests, you may instead set {ConnectionStringVariable} to an admin connection string.",
                    exception);
            }
        }
    }

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix, CancellationToken cancellationToken)
    {
        var name = UniqueName(namePrefix);
        await ExecuteAsync($"CREATE DATABASE {Quote(name)}", cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops the database (ending its sessions) if it exists.</summary>
    public async Task DropDatabaseAsync(string databaseName, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(databaseName)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(databaseName)} WITH (FORCE)", cancellationToken);
    }

    public string ConnectionStringFor(string databaseName)
        => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = databaseName }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
        {
            await Embedded.DisposeAsync();
        }
    }

    private static async Task<TestPostgresServer> StartSharedAsync()
    {
        var server = await StartAsync(Environment.GetEnvironmentVariable, TestAssemblyKey(), NullLogger.Instance, CancellationToken.None);

        // xunit 2 has no assembly-level fixture; the end of the process is the end of the last test.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    /// <summary>
    /// The test assembly's name. The process is the test host, so its entry assembly is "testhost"; the deps
    /// file it was started with (<c>&lt;TestAssembly&gt;.deps.json</c>) names the test assembly.
    /// </summary>
    private static string TestAssemblyKey()
    {
        // A ';'-separated list: the application's deps file (in the output folder), then the frameworks'.
        var depsFiles = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var outputFolder = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var testDeps = depsFiles.FirstOrDefault(f =>
            string.Equals(Path.GetDirectoryName(Path.GetFullPath(f)), outputFolder, StringComparison.Ordinal)
            && f.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase));
        var name = testDeps is null
            ? System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "tests"
            : Path.GetFileName(testDeps)[..^".deps.json".Length];
        return Sanitize(name, 60);
    }

    private async Task DropLeftoverDatabasesAsync(CancellationToken cancellationToken)
    {
        // The folder is this process's alone: any database in it was left by an earlier run that did not finish.
        var leftovers = new List<string>();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1')", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                leftovers.Add(reader.GetString(0));
            }
        }

        foreach (var database in leftovers)
        {
            await DropDatabaseAsync(database, cancellationToken);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // At most 40 + 1 + 20 characters: PostgreSQL cuts identifiers at 63.
    private static string UniqueName(string? prefix)
        => $"{Sanitize(string.IsNullOrWhiteSpace(prefix) ? "wfr_test" : prefix, 40)}_{Guid.NewGuid():N}"[..^12];

    private static string Sanitize(string value, int maxLength)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        var sanitized = builder.Length > maxLength ? builder.ToString(0, maxLength) : builder.ToString();
        return sanitized.Length == 0 ? "test" : sanitized;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
