using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// One writer of workflow definitions at a time, across hosts: a transaction-scoped PostgreSQL advisory lock, so that
/// checks looking at other workflows (entry points, sub-workflows, template codes) see a state nobody changes before
/// the commit. Writes are rare administrator actions; the wait is short.
/// </summary>
public static class WorkflowWriteLock
{
    // pg_advisory_xact_lock(int, int) has its own key space, apart from the bigint locks taken per instance.
    private const int LockClass = 0x57464C57; // "WFLW"
    private const int Definitions = 1;

    /// <summary>Begins a transaction and waits for the lock, which the transaction's end releases.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {Definitions})", cancellationToken);
        return transaction;
    }
}
