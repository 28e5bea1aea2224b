using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Migrations;

public sealed class DatabaseMigratorTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string[] Tables =
        ["__ef_migrations_history", "api_keys", "approval_entries", "instance_steps", "outbox_messages", "received_events", "workflow_catalog_stamp", "workflow_instances", "workflow_versions", "workflows"];

    [Fact]
    public async Task MigrateAsync_CreatesEveryTable_WhenDatabaseIsEmpty()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate_empty");
        await using var services = PersistenceTestServices.Create(connectionString);

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal(Tables, await QueryStringsAsync(connectionString,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'workflow' ORDER BY table_name"));
        await using var db = await CreateDbContextAsync(services);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_CreatesTheDatabase_WhenServerLacksIt()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate_missing");
        await postgres.DropDatabaseAsync(connectionString);
        await using var services = PersistenceTestServices.Create(connectionString);

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var db = await CreateDbContextAsync(services);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_AppliesEachMigrationOnce_WhenProcessesStartTogether()
    {
        // Separate service providers stand for separate processes: no shared pool, no shared lock.
        // The database is missing too, so they also race to create it.
        var connectionString = await postgres.CreateDatabaseAsync("migrate_race");
        await postgres.DropDatabaseAsync(connectionString);
        var providers = Enumerable.Range(0, 4).Select(_ => PersistenceTestServices.Create(connectionString)).ToList();
        try
        {
            await Task.WhenAll(providers.Select(p => Task.Run(() => p.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None))));

            await using var db = await CreateDbContextAsync(providers[0]);
            var applied = await QueryStringsAsync(connectionString, "SELECT \"MigrationId\" FROM workflow.__ef_migrations_history ORDER BY 1");
            Assert.Equal(db.Database.GetMigrations(), applied);
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task MigrateAsync_ChangesNothing_WhenAlreadyUpToDate()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync("migrate_twice");
        await using var services = PersistenceTestServices.Create(connectionString);

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var db = await CreateDbContextAsync(services);
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task Model_MatchesTheLatestMigration_WhenCompared()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add`.
        var connectionString = await postgres.CreateDatabaseAsync("model_check");
        await using var services = PersistenceTestServices.Create(connectionString);
        await using var db = await CreateDbContextAsync(services);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: run `dotnet ef migrations add <Name>` in host/WorkflowRules.Persistence.");
    }

    private static Task<WorkflowRulesDbContext> CreateDbContextAsync(IServiceProvider services)
        => services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContextAsync();

    private static async Task<List<string>> QueryStringsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
