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
        await db.Database.OpenConnectionAsync(cancellationToken);
        db.RunLockToTake = instanceId;
        try
        {
            return await load();
        }
        finally
        {
            db.RunLockToTake = null; // taken by the load's first command, or never (the load did not reach the database)
        }
    }

    /// <summary>Releases the lock (a no-op, with a server warning, when it was never taken) and closes the connection.</summary>
    public static async Task ReleaseAsync(WorkflowRulesDbContext db, Guid instanceId)
    {
        ArgumentNullException.ThrowIfNull(db);

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return; // never opened, or broken (PostgreSQL restarted): a lock dies with its session
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT pg_advisory_unlock(@{KeyParameter})";
            AddKey(command, instanceId);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await db.Database.CloseConnectionAsync();
    }

    internal static void AddKey(System.Data.Common.DbCommand command, Guid instanceId)
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
