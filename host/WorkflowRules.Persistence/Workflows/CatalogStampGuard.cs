using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WorkflowRules.Persistence.Workflows;

/// <summary>The database's refusal of an event decided against a workflow catalog stamp that has moved since.</summary>
public static class CatalogStampGuard
{
    /// <summary>The SQLSTATE the <c>received_events</c> insert trigger raises (class WR: this product's own).</summary>
    public const string StaleSqlState = "WR001";

    /// <summary>Whether <paramref name="exception"/> is that refusal: nothing of the save was stored; decide again.</summary>
    public static bool IsStale(DbUpdateException exception) => exception.InnerException is PostgresException { SqlState: StaleSqlState };
}
