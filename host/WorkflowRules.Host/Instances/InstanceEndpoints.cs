using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Instances;

/// <summary><c>/api/instances</c>: read instances and their steps; retry a failed step.</summary>
public static class InstanceEndpoints
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthorizationPolicies.SubmitEvents);
        read.MapGet("/{id:guid}", GetAsync);
        read.MapGet("/", ListAsync);

        var operate = endpoints.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthorizationPolicies.Operate);
        operate.MapPost("/{id:guid}/steps/{stepId}/retry", RetryAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(Guid id, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return instance is null ? Problems.NotFound($"No instance has the id {id}.") : TypedResults.Ok(InstanceView.From(instance));
    }

    private static async Task<Ok<List<InstanceView>>> ListAsync(
        string? workflow, string? recordType, string? recordKey, InstanceStatus? status, int? take, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var query = db.WorkflowInstances.AsNoTracking().Include(i => i.Steps).AsQueryable();
        query = workflow is null ? query : query.Where(i => i.WorkflowCode == workflow);
        query = recordType is null ? query : query.Where(i => i.RecordType == recordType);
        query = recordKey is null ? query : query.Where(i => i.RecordKey == recordKey);
        query = status is null ? query : query.Where(i => i.Status == status);
        var instances = await query.OrderByDescending(i => i.CreatedAt).Take(Math.Clamp(take ?? 50, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return TypedResults.Ok(instances.Select(InstanceView.From).ToList());
    }

    private static async Task<Results<Accepted<InstanceView>, ProblemHttpResult>> RetryAsync(
        Guid id, string stepId, WorkflowRulesDbContext db, OutboxSignal outboxSignal, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var step = instance?.Steps.SingleOrDefault(s => s.StepId == stepId);
        if (instance is null || step is null)
        {
            return Problems.NotFound($"Instance {id} has no step '{stepId}'.");
        }

        if (step.Status != StepStatus.Failed)
        {
            return Problems.Conflict($"Step '{stepId}' is {step.Status}; only a failed step can be retried.");
        }

        step.Status = StepStatus.Active;
        step.CompletedAt = null;
        instance.Status = InstanceStatus.Running;
        db.OutboxMessages.Add(InstanceFactory.RunRequest(instance.Id, timeProvider.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Instance {id} changed while retrying; read it again.");
        }

        outboxSignal.Notify();
        return TypedResults.Accepted($"/api/instances/{id}", InstanceView.From(instance));
    }
}
