using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Health;

/// <summary>Healthy when PostgreSQL answers a query within the health check's time.</summary>
public sealed class PostgresHealthCheck(IDbContextFactory<WorkflowRulesDbContext> dbContextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("PostgreSQL answers.")
                : HealthCheckResult.Unhealthy("PostgreSQL does not accept connections.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL could not be reached.", exception);
        }
    }
}
