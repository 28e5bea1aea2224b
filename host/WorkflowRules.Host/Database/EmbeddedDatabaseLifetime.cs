using WorkflowRules.Persistence.Embedded;

namespace WorkflowRules.Host.Database;

/// <summary>
/// Stops the private PostgreSQL the host started. Registered before every other hosted service, so it
/// is stopped after all of them (hosted services stop in reverse order).
/// </summary>
public sealed class EmbeddedDatabaseLifetime(EmbeddedPostgresServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}
