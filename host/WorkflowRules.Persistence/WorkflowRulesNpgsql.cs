using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace WorkflowRules.Persistence;

/// <summary>The provider settings shared by the running host and the design-time tools.</summary>
internal static class WorkflowRulesNpgsql
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>The most statements EF sends in one batch (the provider's default, fixed here: <see cref="OneRoundTripSave"/> relies on it).</summary>
    public const int MaxBatchSize = 1000;

    public static void Configure(NpgsqlDbContextOptionsBuilder npgsql)
        => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, WorkflowRulesDbContext.Schema).MaxBatchSize(MaxBatchSize);
}
