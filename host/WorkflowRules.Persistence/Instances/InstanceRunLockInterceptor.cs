using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowRules.Persistence.Instances;

/// <summary>
/// Puts the lock statement of <see cref="InstanceRunLock"/> in front of the first query a context runs after
/// <see cref="WorkflowRulesDbContext.RunLockToTake"/> was set, and skips the lock's result so that EF Core reads
/// the query's own. Npgsql sends the two statements in one batch, one round trip. Likewise appends the release
/// statement to the first saving command after <see cref="WorkflowRulesDbContext.RunLockToReleaseOnSave"/> was set,
/// after EF Core's own statements, whose results it reads first.
/// </summary>
internal sealed class InstanceRunLockInterceptor : DbCommandInterceptor
{
    /// <summary>The statement, also how the reader callbacks recognise a command this interceptor changed.</summary>
    private const string LockStatement = $"SELECT pg_advisory_lock(@{InstanceRunLock.KeyParameter});\n";

    /// <summary>
    /// Holds the lock for the saving transaction, then drops the session's hold: the lock passes on at COMMIT (or at the
    /// end of the batch's implicit transaction), never before what the save wrote is visible. The CTE orders the calls.
    /// </summary>
    private const string ReleaseStatement =
        $"\nWITH held AS MATERIALIZED (SELECT pg_advisory_xact_lock(@{InstanceRunLock.KeyParameter})) SELECT pg_advisory_unlock(@{InstanceRunLock.KeyParameter}) FROM held;";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        TakeLockFirst(command, eventData);
        ReleaseLockLast(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        TakeLockFirst(command, eventData);
        ReleaseLockLast(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (command.CommandText.StartsWith(LockStatement, StringComparison.Ordinal))
        {
            result.NextResult();
        }

        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.StartsWith(LockStatement, StringComparison.Ordinal))
        {
            await result.NextResultAsync(cancellationToken);
        }

        return result;
    }

    private static void TakeLockFirst(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not WorkflowRulesDbContext { RunLockToTake: { } instanceId } db)
        {
            return;
        }

        // Consumed by this command: a query that runs several commands (split queries) locks once.
        db.RunLockToTake = null;
        command.CommandText = LockStatement + command.CommandText;
        InstanceRunLock.AddKey(command, instanceId);
    }

    /// <remarks>EF Core sends saves as readers; a save sent otherwise would leave the release pending, and ReleaseAsync unlocks as before.</remarks>
    private static void ReleaseLockLast(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges
            || eventData.Context is not WorkflowRulesDbContext { RunLockToReleaseOnSave: { } instanceId } db)
        {
            return;
        }

        // Consumed by the save's first command: a save of several batches runs them in one transaction.
        db.RunLockToReleaseOnSave = null;
        command.CommandText += ReleaseStatement;
        InstanceRunLock.AddKey(command, instanceId);
    }
}
