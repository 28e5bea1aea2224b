using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Instances;

/// <summary>Reads instances — live ones (running or failed), archived ones (completed or removed), or both — newest first.</summary>
internal static class InstanceQueries
{
    private const int MaxPageSize = 200;

    public static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(Guid id, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return instance is null ? Problems.NotFound($"No instance has the id {id}.") : TypedResults.Ok(InstanceView.From(instance));
    }

    /// <summary>Instances matching the filters; <c>archived</c> true: only archived ones, false: only live ones, absent: both.</summary>
    public static async Task<Ok<List<InstanceView>>> ListAsync(
        string? workflow, string? recordType, string? recordKey, InstanceStatus? status, bool? archived, int? take, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var query = Filter(db.WorkflowInstances, workflow, recordType, recordKey, status);
        query = archived switch
        {
            true => query.Where(i => i.ArchivedAt != null),
            false => query.Where(i => i.ArchivedAt == null),
            null => query,
        };
        var instances = await query.AsNoTracking().Include(i => i.Steps)
            .OrderByDescending(i => i.CreatedAt).Take(Math.Clamp(take ?? 50, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return TypedResults.Ok(instances.Select(InstanceView.From).ToList());
    }

    public static async Task<Ok<List<InstanceView>>> ListArchivedAsync(
        string? workflow, string? recordType, string? recordKey, DateTimeOffset? archivedBefore, int? take, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var query = Filter(db.WorkflowInstances.Where(i => i.ArchivedAt != null), workflow, recordType, recordKey, status: null);
        query = archivedBefore is null ? query : query.Where(i => i.ArchivedAt < archivedBefore);
        var instances = await query.AsNoTracking().Include(i => i.Steps)
            .OrderByDescending(i => i.ArchivedAt).Take(Math.Clamp(take ?? 50, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return TypedResults.Ok(instances.Select(InstanceView.From).ToList());
    }

    public static IQueryable<WorkflowInstance> Filter(
        IQueryable<WorkflowInstance> query, string? workflow, string? recordType, string? recordKey, InstanceStatus? status)
    {
        query = workflow is null ? query : query.Where(i => i.WorkflowCode == workflow);
        query = recordType is null ? query : query.Where(i => i.RecordType == recordType);
        query = recordKey is null ? query : query.Where(i => i.RecordKey == recordKey);
        return status is null ? query : query.Where(i => i.Status == status);
    }
}
