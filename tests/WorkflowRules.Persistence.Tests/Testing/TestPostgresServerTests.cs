using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Testing;

public sealed class TestPostgresServerTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task StartAsync_UsesTheConfiguredServer_WhenConnectionStringVariableIsSet()
    {
        var key = "env_wins_" + Guid.NewGuid().ToString("N")[..8];
        string? Environment(string name) => name == TestPostgresServer.ConnectionStringVariable ? postgres.Server.AdminConnectionString : null;

        await using var server = await TestPostgresServer.StartAsync(Environment, key, NullLogger.Instance, CancellationToken.None);
        var connectionString = await server.CreateDatabaseAsync("env", CancellationToken.None);
        try
        {
            Assert.Null(server.Embedded);
            Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "workflowrules-tests", key)));
            Assert.Equal(new NpgsqlConnectionStringBuilder(postgres.Server.AdminConnectionString).Port, new NpgsqlConnectionStringBuilder(connectionString).Port);
            Assert.Equal("1", await ScalarAsync(connectionString, "SELECT 1"));
        }
        finally
        {
            await server.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!, CancellationToken.None);
        }
    }

    [Fact]
    public async Task CreateDatabaseAsync_ReturnsSeparateDatabases_WhenCalledTwice()
    {
        var first = await postgres.CreateDatabaseAsync("isolation");
        var second = await postgres.CreateDatabaseAsync("isolation");

        await ScalarAsync(first, "CREATE TABLE only_here (id int)");

        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
        Assert.StartsWith("isolation_", new NpgsqlConnectionStringBuilder(first).Database, StringComparison.Ordinal);
        Assert.Equal("0", await ScalarAsync(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"));
    }

    [Fact]
    public async Task DisposeAsync_DropsEveryDatabaseItCreated_WhenFixtureEnds()
    {
        var fixture = new PostgresDatabaseFixture();
        await fixture.InitializeAsync();
        var database = new NpgsqlConnectionStringBuilder(await fixture.CreateDatabaseAsync("dropped")).Database!;
        await using (var connection = new NpgsqlConnection(await fixture.CreateDatabaseAsync("dropped")))
        {
            // A session still open does not stop the drop.
            await connection.OpenAsync();
            await fixture.DisposeAsync();
        }

        Assert.Equal("0", await ScalarAsync(postgres.Server.AdminConnectionString, $"SELECT count(*) FROM pg_database WHERE datname LIKE 'dropped_%' OR datname = '{database}'"));
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
