using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace WorkflowRules.Host.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddWorkflowHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary><c>/health</c>, open to load balancers: it says only whether each dependency answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                }));
            },
        }).AllowAnonymous();
        return endpoints;
    }
}
