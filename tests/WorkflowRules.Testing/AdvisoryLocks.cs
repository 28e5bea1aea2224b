using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;

namespace WorkflowRules.Testing;

/// <summary>What the per-instance run locks (PostgreSQL session advisory locks) look like from outside.</summary>
public static class AdvisoryLocks
{
    /// <summary>Advisory locks granted to any session in <paramref name="db"/>'s database; ask on a connection that holds none.</summary>
    public static Task<int> HeldAsync(WorkflowRulesDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            .SingleAsync();
    }
}
