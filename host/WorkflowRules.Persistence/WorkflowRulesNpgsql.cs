using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace WorkflowRules.Persistence;

/// <summary>The provider settings shared by the running host and the design-time tools.</summary>
internal static class WorkflowRulesNpgsql
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static void Configure(NpgsqlDbContextOptionsBuilder npgsql)
        => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, WorkflowRulesDbContext.Schema);
}
