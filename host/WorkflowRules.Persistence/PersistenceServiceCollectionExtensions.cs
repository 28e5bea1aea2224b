using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="NpgsqlDataSource"/> for <paramref name="connectionString"/>, a pooled
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="WorkflowRulesDbContext"/> (for singletons, jobs
    /// and background loops), a scoped <see cref="WorkflowRulesDbContext"/> taken from that pool (for
    /// requests), and the <see cref="DatabaseMigrator"/>. Migrations are not applied here: call
    /// <see cref="DatabaseMigrator.MigrateAsync"/> at start-up, before anything touches the tables.
    /// </summary>
    public static IServiceCollection AddWorkflowPersistence(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Parse now, so a malformed connection string fails at registration with Npgsql's own message.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        services.TryAddSingleton(provider => new NpgsqlDataSourceBuilder(builder.ConnectionString)
            .UseLoggerFactory(provider.GetService<ILoggerFactory>())
            .Build());
        services.AddPooledDbContextFactory<WorkflowRulesDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), WorkflowRulesNpgsql.Configure)
                .AddInterceptors(new InstanceRunLockInterceptor())
                // The run lock's release statement, appended to a save, returns a row EF Core does not read; that
                // warning is meant for stored procedures mapped by mistake (none are), and would otherwise be logged
                // once for every instance a job runs.
                .ConfigureWarnings(warnings => warnings
                    .Ignore(RelationalEventId.UnexpectedTrailingResultSetWhenSaving)
                    // A failed command is an exception for its caller, who handles it or lets it reach whoever logs it
                    // (the request's error handling, Hangfire's failed state, a loop's warning). EF Core logging it
                    // as an error first would turn refusals the engine expects and handles — a replayed idempotency
                    // key, an event decided against a stale catalog stamp, the migration history's absence in a new
                    // database — into error lines.
                    .Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug))));
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContext());
        services.TryAddSingleton<DatabaseMigrator>();
        return services;
    }
}
