using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Api;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Events;

/// <summary><c>/api/events</c>: applications post occurrences and read what they did.</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events").WithTags("Events").RequireAuthorization(AuthorizationPolicies.SubmitEvents);
        group.MapPost("/", PostAsync).RequireRateLimiting(IntakeLimiter.PolicyName);
        group.MapPost("/preview", PreviewAsync).RequireRateLimiting(IntakeLimiter.PolicyName);
        group.MapGet("/{id:guid}", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Accepted<EventOutcomeView>, Ok<EventOutcomeView>, ProblemHttpResult>> PostAsync(
        EventRequest request, ClaimsPrincipal caller, EventIntake intake, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var result = await intake.AcceptAsync(request, caller, db, cancellationToken);
        if (result.Outcome is null)
        {
            return Problems.Validation(result.Errors!);
        }

        return result.IsReplay
            ? TypedResults.Ok(result.Outcome)
            : TypedResults.Accepted($"/api/events/{result.Outcome.EventId}", result.Outcome);
    }

    private static async Task<Results<Ok<EventPreviewView>, ProblemHttpResult>> PreviewAsync(
        EventRequest request, ClaimsPrincipal caller, EventIntake intake, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var (preview, error) = await intake.PreviewAsync(request, caller, db, cancellationToken);
        return preview is null ? Problems.Validation(error!.Errors!) : TypedResults.Ok(preview);
    }

    private static async Task<Results<Ok<EventOutcomeView>, ProblemHttpResult>> GetAsync(Guid id, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var received = await db.ReceivedEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (received is null)
        {
            return Problems.NotFound($"No event has the id {id}.");
        }

        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.TriggeringEventId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(EventOutcomeView.From(received, instances, [], []));
    }
}
