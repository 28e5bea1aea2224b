using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowRules.Persistence;
using Xunit;

namespace WorkflowRules.Testing;

/// <summary>
/// A class (or collection) fixture handing out isolated databases on the process's
/// <see cref="TestPostgresServer"/>; every database it created is dropped when the fixture is disposed.
/// Use: <c>class MyTests(PostgresDatabaseFixture postgres) : IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _databases = [];
    private TestPostgresServer? _server;

    public TestPostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary>Creates an empty database with a unique name (starting with <paramref name="namePrefix"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        var connectionString = await Server.CreateDatabaseAsync(namePrefix, cancellationToken);
        _databases.Add(new NpgsqlConnectionStringBuilder(connectionString).Database!);
        return connectionString;
    }

    /// <summary>Like <see cref="CreateDatabaseAsync"/>, with WorkflowRules' migrations applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        var connectionString = await CreateDatabaseAsync(namePrefix, cancellationToken);
        await using var services = PersistenceTestServices.Create(connectionString);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return connectionString;
    }

    /// <summary>Drops a database made by this fixture before the fixture ends (e.g. to test creating it).</summary>
    public Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
        => Server.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!, cancellationToken);

    public async Task InitializeAsync() => _server = await TestPostgresServer.GetSharedAsync();

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        foreach (var database in _databases)
        {
            await _server.DropDatabaseAsync(database, CancellationToken.None);
        }
    }
}
