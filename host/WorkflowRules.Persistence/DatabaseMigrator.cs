using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WorkflowRules.Persistence;

/// <summary>
/// Brings the database to the latest migration: creates the database if the server lacks it, then
/// applies pending migrations while holding a PostgreSQL advisory lock, so several processes that
/// start together apply each migration once and the others wait, then find nothing to do.
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    NpgsqlDataSource dataSource,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>The session advisory lock key held while migrating (ASCII "WFRMIGRT"); per database.</summary>
    public const long AdvisoryLockKey = 0x5746_524D_4947_5254;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureDatabaseExistsAsync(db, cancellationToken);

        // A dedicated connection: the lock must outlive whatever EF does with its own connection.
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                logger.LogDebug("Database schema is up to date.");
                return;
            }

            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrations applied.");
        }
        finally
        {
            // Explicitly: a pooled connection keeps session locks until it is reused. If this fails the
            // connection is broken, and the server drops the lock with it.
            try
            {
                await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }
            catch (NpgsqlException exception)
            {
                logger.LogWarning(exception, "Could not release the migration lock explicitly.");
            }
        }
    }

    private static async Task EnsureDatabaseExistsAsync(WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between our check and our CREATE DATABASE.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
