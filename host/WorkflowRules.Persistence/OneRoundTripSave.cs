using Microsoft.EntityFrameworkCore;

namespace WorkflowRules.Persistence;

/// <summary>
/// Saves a handful of inserts in one round trip instead of two. EF wraps a save of several statements in a
/// transaction of its own, and its COMMIT is a round trip (Npgsql sends the BEGIN with the batch). Inserts alone do not
/// need it: EF sends up to <see cref="WorkflowRulesNpgsql.MaxBatchSize"/> statements as one batch, which PostgreSQL runs
/// in one implicit transaction, so an insert that fails (a duplicate key, a refused catalog stamp) takes the others
/// with it. Anything else saves in EF's transaction: EF checks an update's or delete's concurrency token by the rows it
/// affected once the batch has run, when an implicit transaction would already have committed the rest.
/// </summary>
public static class OneRoundTripSave
{
    /// <summary>Inserts saved without a transaction at most: well inside one batch, in statements and in parameters.</summary>
    public const int MaxInserts = 100;

    public static async Task<int> SaveChangesInOneRoundTripAsync(this DbContext db, CancellationToken cancellationToken)
    {
        var inserts = 0;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                return await db.SaveChangesAsync(cancellationToken);
            }

            inserts += entry.State == EntityState.Added ? 1 : 0;
        }

        if (inserts > MaxInserts || db.Database.CurrentTransaction is not null)
        {
            return await db.SaveChangesAsync(cancellationToken);
        }

        var behavior = db.Database.AutoTransactionBehavior;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoTransactionBehavior = behavior;
        }
    }
}
