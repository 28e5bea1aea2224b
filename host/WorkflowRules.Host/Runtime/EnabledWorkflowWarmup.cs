using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Loads the enabled workflows and prepares their conditions before the host accepts requests, so the first events
/// after a start are as fast as the rest. Registered after the database and plugin services, which it needs started.
/// </summary>
public sealed class EnabledWorkflowWarmup(IDbContextFactory<WorkflowRulesDbContext> dbContextFactory, EnabledWorkflowIndex index) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        await index.GetSnapshotAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
