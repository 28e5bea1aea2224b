using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WorkflowRules.Host.Events;

/// <summary>
/// Bounds the posts this host works on at once (<see cref="IntakeOptions"/>): the rest queue in memory, oldest first,
/// which costs nothing while they wait; a post the queue cannot hold gets a 503 problem with Retry-After, so the
/// application retries it (with its idempotency key) instead of it timing out half-way.
/// </summary>
public static class IntakeLimiter
{
    public const string PolicyName = "intake";

    public static IServiceCollection AddWorkflowIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IntakeOptions>, IProblemDetailsService>((limiter, intake, problems) =>
        {
            // One limiter for the host, whoever posts: the bound protects the database.
            limiter.AddConcurrencyLimiter(PolicyName, concurrency =>
            {
                concurrency.PermitLimit = intake.Value.ConcurrentRequests;
                concurrency.QueueLimit = intake.Value.QueueLimit;
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = (rejected, _) => RejectAsync(rejected.HttpContext, intake.Value, problems);
        });
        return services;
    }

    private static ValueTask RejectAsync(HttpContext http, IntakeOptions intake, IProblemDetailsService problems)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The host is taking in as many events as it can.",
                Detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{intake.ConcurrentRequests} events are being stored and {intake.QueueLimit} more are waiting (Intake:ConcurrentRequests, Intake:QueueLimit). Nothing of this one was stored: post it again after the Retry-After delay, with the same idempotency key."),
            },
        });
    }
}
