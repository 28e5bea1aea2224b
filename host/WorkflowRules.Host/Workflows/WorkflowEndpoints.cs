using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows;

/// <summary><c>/api/workflows</c>: define, version, enable and read workflows.</summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(AuthorizationPolicies.Operate);
        read.MapGet("/", ListAsync);
        read.MapGet("/{code}", GetAsync);

        var write = endpoints.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(AuthorizationPolicies.Administer);
        write.MapPost("/", CreateAsync);
        write.MapPut("/{code}", UpdateAsync);
        write.MapPost("/{code}/{action:regex(^(enable|disable)$)}", (string code, string action, WorkflowRulesDbContext db, WorkflowValidator validator, TimeProvider time, CancellationToken ct) =>
            SetEnabledAsync(code, enabled: action == "enable", db, validator, time, ct));
        return endpoints;
    }

    private static async Task<Ok<List<WorkflowView>>> ListAsync(WorkflowRulesDbContext db, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        var workflows = await QueryWorkflows(db).OrderBy(w => w.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(workflows.Select(w => ToView(w, validator)).ToList());
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> GetAsync(
        string code, WorkflowRulesDbContext db, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        var workflow = await QueryWorkflows(db).SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        return workflow is null ? Problems.NotFound($"No workflow has the code '{code}'.") : TypedResults.Ok(ToView(workflow, validator));
    }

    private static async Task<Results<Created<WorkflowView>, ProblemHttpResult>> CreateAsync(
        WorkflowRequest request, ClaimsPrincipal user, WorkflowRulesDbContext db, WorkflowValidator validator, WorkflowConditionCompiler compiler,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (definition, problem) = ValidateRequest(request, validator);
        if (problem is not null)
        {
            return problem;
        }

        if (await db.Workflows.AnyAsync(w => w.Code == request.Code, cancellationToken))
        {
            return Problems.Conflict($"A workflow with the code '{request.Code}' exists already; update it with PUT /api/workflows/{request.Code}.");
        }

        var now = timeProvider.GetUtcNow();
        var workflow = new Workflow { Id = Guid.NewGuid(), Code = request.Code!, Description = request.Description!.Trim(), CreatedAt = now };
        db.Workflows.Add(workflow);
        Publish(workflow, definition!, request.Enabled, user, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A workflow with the code '{request.Code}' was created at the same time.");
        }

        compiler.Compile(definition!);
        return TypedResults.Created($"/api/workflows/{workflow.Code}", ToView(workflow, validator));
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> UpdateAsync(
        string code, WorkflowRequest request, ClaimsPrincipal user, WorkflowRulesDbContext db, WorkflowValidator validator, WorkflowConditionCompiler compiler,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        request = request with { Code = code };
        var (definition, problem) = ValidateRequest(request, validator);
        if (problem is not null)
        {
            return problem;
        }

        var workflow = await QueryWorkflows(db, tracking: true).SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (workflow is null)
        {
            return Problems.NotFound($"No workflow has the code '{code}'; create it with POST /api/workflows.");
        }

        workflow.Description = request.Description!.Trim();
        Publish(workflow, definition!, request.Enabled, user, timeProvider.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Workflow '{code}' was changed by someone else at the same time; read it again and retry.");
        }

        compiler.Compile(definition!);
        return TypedResults.Ok(ToView(workflow, validator));
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> SetEnabledAsync(
        string code, bool enabled, WorkflowRulesDbContext db, WorkflowValidator validator, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var workflow = await QueryWorkflows(db, tracking: true).SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (workflow?.CurrentVersion is null)
        {
            return Problems.NotFound($"No workflow has the code '{code}'.");
        }

        if (enabled)
        {
            var errors = validator.Validate(DefinitionJson.Deserialize(workflow.CurrentVersion.DefinitionJson));
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }
        }

        workflow.Enabled = enabled;
        workflow.UpdatedAt = timeProvider.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Workflow '{code}' was changed by someone else at the same time; read it again and retry.");
        }

        return TypedResults.Ok(ToView(workflow, validator));
    }

    private static (WorkflowDefinition? Definition, ProblemHttpResult? Problem) ValidateRequest(WorkflowRequest request, WorkflowValidator validator)
    {
        var errors = WorkflowValidator.ValidateShape(request);
        if (errors.Count > 0)
        {
            return (null, Problems.Validation(errors));
        }

        var definition = WorkflowDefinitionFactory.Create(request);
        errors = validator.Validate(definition);
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (definition, null);
    }

    /// <summary>Adds an immutable version and points the workflow at it; running instances keep theirs.</summary>
    private static void Publish(Workflow workflow, WorkflowDefinition definition, bool enabled, ClaimsPrincipal user, DateTimeOffset now)
    {
        var version = new WorkflowVersion
        {
            Id = Guid.NewGuid(),
            WorkflowId = workflow.Id,
            Number = workflow.Versions.Count == 0 ? 1 : workflow.Versions.Max(v => v.Number) + 1,
            EntryEvent = definition.Root!.FunctionName,
            DefinitionJson = DefinitionJson.Serialize(definition),
            CreatedAt = now,
            CreatedBy = user.Identity?.Name ?? "unknown",
        };
        workflow.Versions.Add(version);
        workflow.CurrentVersion = version;
        workflow.CurrentVersionId = version.Id;
        workflow.EntryEvent = version.EntryEvent;
        workflow.Enabled = enabled;
        workflow.UpdatedAt = now;
    }

    private static IQueryable<Workflow> QueryWorkflows(WorkflowRulesDbContext db, bool tracking = false)
    {
        var query = db.Workflows.Include(w => w.CurrentVersion).Include(w => w.Versions);
        return tracking ? query : query.AsNoTracking();
    }

    private static WorkflowView ToView(Workflow workflow, WorkflowValidator validator)
    {
        var definition = workflow.CurrentVersion is null ? null : DefinitionJson.Deserialize(workflow.CurrentVersion.DefinitionJson);
        var problems = definition is null ? new Dictionary<string, string[]>() : validator.Validate(definition);
        return WorkflowView.From(workflow, definition, problems);
    }
}
