using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WorkflowRules.Persistence.Instances;

/// <summary>
/// A PostgreSQL session advisory lock per instance, held while its responses run, so the responses of one instance
/// never interleave — across Hangfire workers and across host processes. A process that dies drops its connection
/// and with it the lock.
/// </summary>
/// <remarks>
/// The lock costs no round trip of its own: <see cref="LoadUnderLockAsync{T}"/> sends it in the same batch as the
/// query that loads the instance (<see cref="InstanceRunLockInterceptor"/>), as a statement of its own before the
/// query. PostgreSQL takes a statement's snapshot when the statement starts, so the query runs once the lock is
/// held and sees everything the previous holder committed; a lock taken inside the query itself would not.
/// A run that ends with a save releases the lock with that save's commit (<see cref="SaveAndReleaseAsync"/>): no
/// round trip of its own either.
/// </remarks>
public static class InstanceRunLock
{
    /// <summary>The lock key's parameter, in the lock statement (<see cref="InstanceRunLockInterceptor"/>) and the unlock.</summary>
    internal const string KeyParameter = "run_lock_key";

    /// <summary>
    /// Opens the context's connection (the lock belongs to it until <see cref="ReleaseAsync"/>), then runs
    /// <paramref name="load"/> right after taking the lock of <paramref name="instanceId"/>, in one round trip.
    /// Call <see cref="ReleaseAsync"/> in a finally block once this was called, whether or not it returned.
    /// </summary>
    public static async Task<T> LoadUnderLockAsync<T>(WorkflowRulesDbContext db, Guid instanceId, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(load);

        // Opened here, not by the query: a connection the query opened would go back to the pool, lock and all.
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        db.RunLockToTake = instanceId;
        try
        {
            return await load();
        }
        finally
        {
            // Taken by the load's first command (held even if the query after it failed), or never: the load did not
            // reach the database.
            db.HoldsRunLock |= db.RunLockToTake is null;
            db.RunLockToTake = null;
        }
    }

    /// <summary>Whether <paramref name="db"/> holds a run lock that <see cref="LoadUnderLockAsync{T}"/> took and nothing released since.</summary>
    public static bool IsHeld(WorkflowRulesDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.HoldsRunLock;
    }

    /// <summary>
    /// Saves the context's changes and releases the run lock with their commit: the saving command also takes the
    /// instance's lock for its transaction and drops the session's, so the lock passes to the next holder at COMMIT and
    /// the next holder sees what was saved. Saves a round trip and a commit against saving, then <see cref="ReleaseAsync"/>.
    /// If the save fails (a concurrency conflict included) the lock is released too; take it again before going on.
    /// </summary>
    public static async Task SaveAndReleaseAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.HoldsRunLock)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        db.RunLockToReleaseOnSave = instanceId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Consumed by a saving command that committed; still set when there was nothing to save.
            db.HoldsRunLock = db.RunLockToReleaseOnSave is not null;
        }
        catch
        {
            // Rolled back, but the release may have run before the failure (a conflict is found after the whole
            // batch ran) or not: unlock whatever this session still holds, so the state is known again.
            await ReleaseAllAsync(db);
            throw;
        }
        finally
        {
            db.RunLockToReleaseOnSave = null;
        }
    }

    /// <summary>Releases the lock, unless a save already did (<see cref="SaveAndReleaseAsync"/>), and closes the connection.</summary>
    public static async Task ReleaseAsync(WorkflowRulesDbContext db, Guid instanceId)
    {
        ArgumentNullException.ThrowIfNull(db);

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            db.HoldsRunLock = false;
            return; // never opened, or broken (PostgreSQL restarted): a lock dies with its session
        }

        try
        {
            if (db.HoldsRunLock)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT pg_advisory_unlock(@{KeyParameter})";
                AddKey(command, instanceId);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        finally
        {
            // Contexts are pooled: the next run on this one must not believe it holds a lock.
            db.HoldsRunLock = false;
        }

        await db.Database.CloseConnectionAsync();
    }

    /// <summary>After a failed save: the run's connection holds no other session advisory lock, so this drops exactly the run lock, if held.</summary>
    private static async Task ReleaseAllAsync(WorkflowRulesDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT pg_advisory_unlock_all()";
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }

            db.HoldsRunLock = false;
        }
        catch (DbException)
        {
            // The save's own error is the one to report. The lock may still be held: ReleaseAsync tries again, and a
            // broken connection takes it with its session.
        }
    }

    internal static void AddKey(DbCommand command, Guid instanceId)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = KeyParameter;
        parameter.Value = KeyOf(instanceId);
        command.Parameters.Add(parameter);
    }

    /// <summary>Stable across releases: processes of two releases running side by side must take the same lock.</summary>
    private static long KeyOf(Guid instanceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        instanceId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
