using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WorkflowRules.Persistence.Embedded;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster for one driver run (fsync off, as in the reference figures), with a fresh
/// database per scenario so that no scenario measures another's leftovers.
/// </summary>
internal sealed class PostgresForLoad : IAsyncDisposable
{
    private readonly EmbeddedPostgresServer _server;

    private PostgresForLoad(EmbeddedPostgresServer server, string directory)
    {
        _server = server;
        Directory = directory;
    }

    public string Directory { get; }

    public static async Task<PostgresForLoad> StartAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workDirectory, "postgres");
        var server = await EmbeddedPostgresServer.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = directory, Fsync = false, DatabaseName = null, MaxConnections = 300 },
            NullLogger.Instance,
            cancellationToken);
        return new PostgresForLoad(server, directory);
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(_server.AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE); CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(_server.AdminConnectionString) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    public ValueTask DisposeAsync() => new(_server.StopAsync(CancellationToken.None));
}
