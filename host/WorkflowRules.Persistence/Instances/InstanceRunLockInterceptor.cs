using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowRules.Persistence.Instances;

/// <summary>
/// Puts the lock statement of <see cref="InstanceRunLock"/> in front of the first query a context runs after
/// <see cref="WorkflowRulesDbContext.RunLockToTake"/> was set, and skips the lock's result so that EF Core reads
/// the query's own. Npgsql sends the two statements in one batch, one round trip.
/// </summary>
internal sealed class InstanceRunLockInterceptor : DbCommandInterceptor
{
    /// <summary>The statement, also how the reader callbacks recognise a command this interceptor changed.</summary>
    private const string LockStatement = $"SELECT pg_advisory_lock(@{InstanceRunLock.KeyParameter});\n";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        TakeLockFirst(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        TakeLockFirst(command, eventData);
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
}
