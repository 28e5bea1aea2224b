using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Database;

/// <summary>Applies EF Core migrations before any other hosted service touches the database.</summary>
public sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
