using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Host.Workflows.Transfer;
using WorkflowRules.Host.Workflows.Views;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// <c>/api/workflows</c>: define, edit, version, enable, copy, delete, export and import workflows. Reading needs an
/// operator; writing an administrator. Every write accepts <c>If-Match</c> with the ETag a read gave.
/// </summary>
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
        write.MapDelete("/{code}", DeleteAsync);
        write.MapPost("/{code}/copy", CopyAsync);

        read.MapWorkflowVersions(write);
        read.MapWorkflowTransfer(write);

        return endpoints;
    }

    private static async Task<Ok<List<WorkflowView>>> ListAsync(
        WorkflowRulesDbContext db, WorkflowViewFactory views, CancellationToken cancellationToken, bool includeTemplates = false)
    {
        var workflows = await WorkflowQueries.WithVersions(db).Where(w => includeTemplates || !w.IsTemplate).OrderBy(w => w.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(await views.CreateAsync(workflows, cancellationToken));
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> GetAsync(
        string code, HttpContext http, WorkflowRulesDbContext db, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowQueries.FindAsync(db, code, cancellationToken);
        return workflow is null
            ? WorkflowProblemResults.NotFound(code)
            : TypedResults.Ok(WorkflowResponses.WithETag(http, await views.CreateAsync(workflow, cancellationToken)));
    }

    private static async Task<Results<Created<WorkflowView>, ProblemHttpResult>> CreateAsync(
        WorkflowRequest request, ClaimsPrincipal user, HttpContext http, WorkflowEditor editor, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(request, user, cancellationToken);
        return result.Workflow is null ? result.Problem! : await WorkflowResponses.CreatedAsync(http, views, result.Workflow, cancellationToken);
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> UpdateAsync(
        string code, WorkflowRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, HttpContext http,
        WorkflowEditor editor, WorkflowViewFactory views, CancellationToken cancellationToken) =>
        await WorkflowResponses.OkAsync(http, views, await editor.UpdateAsync(code, request, ifMatch, user, cancellationToken), cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string code, [FromHeader(Name = "If-Match")] string? ifMatch, WorkflowRemover remover, CancellationToken cancellationToken) =>
        await remover.DeleteAsync(code, ifMatch, cancellationToken) is { } problem ? problem : TypedResults.NoContent();

    private static async Task<Results<Created<WorkflowView>, ProblemHttpResult>> CopyAsync(
        string code, CopyWorkflowRequest request, ClaimsPrincipal user, HttpContext http, WorkflowCopier copier, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        var result = await copier.CopyAsync(code, request, user, cancellationToken);
        return result.Workflow is null ? result.Problem! : await WorkflowResponses.CreatedAsync(http, views, result.Workflow, cancellationToken);
    }
}
