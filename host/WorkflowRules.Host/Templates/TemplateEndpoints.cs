using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Host.Workflows.Views;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Templates;

/// <summary>
/// <c>/api/templates</c>: the read-only workflows plugins (and the host) ship, restoring them, and creating workflows
/// from them. Templates are workflows (<c>isTemplate</c>), so their views are workflow views.
/// </summary>
public static class TemplateEndpoints
{
    private const string MappedKey = "WorkflowRules.Templates.Mapped";

    /// <summary>Maps the routes once, however often it is called (see <see cref="WorkflowEndpoints.MapWorkflows"/>).</summary>
    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder app && !app.Properties.TryAdd(MappedKey, true))
        {
            return endpoints;
        }

        var read = endpoints.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(AuthorizationPolicies.Operate);
        read.MapGet("/", ListAsync);
        read.MapGet("/{code}", GetAsync);

        var write = endpoints.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(AuthorizationPolicies.Administer);
        write.MapPost("/reset", async (TemplateSynchronizer synchronizer, CancellationToken cancellationToken) =>
            TypedResults.Ok(await synchronizer.ResetAsync(cancellationToken)));
        write.MapPost("/{code}/create-workflow", CreateWorkflowAsync);
        return endpoints;
    }

    private static async Task<Ok<List<WorkflowView>>> ListAsync(
        TemplateSynchronizer synchronizer, WorkflowRulesDbContext db, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        await synchronizer.EnsureCurrentAsync(cancellationToken);
        var templates = await WorkflowQueries.WithVersions(db).Where(w => w.IsTemplate).OrderBy(w => w.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(await views.CreateAsync(templates, cancellationToken));
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> GetAsync(
        string code, TemplateSynchronizer synchronizer, WorkflowRulesDbContext db, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        await synchronizer.EnsureCurrentAsync(cancellationToken);
        var template = await WorkflowQueries.FindAsync(db, code, cancellationToken);
        return template is { IsTemplate: true }
            ? TypedResults.Ok(await views.CreateAsync(template, cancellationToken))
            : Problems.NotFound($"No template has the code '{code}' (GET /api/templates lists them).");
    }

    /// <remarks>The body is optional: without one, the new workflow gets the template's code with the first free suffix and its description.</remarks>
    private static async Task<Results<Created<WorkflowView>, ProblemHttpResult>> CreateWorkflowAsync(
        string code, CopyWorkflowRequest? request, ClaimsPrincipal user, HttpContext http, TemplateSynchronizer synchronizer,
        WorkflowCopier copier, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        await synchronizer.EnsureCurrentAsync(cancellationToken);
        var result = await copier.CreateFromTemplateAsync(code, request ?? new CopyWorkflowRequest(null, null), user, cancellationToken);
        return result.Workflow is null ? result.Problem! : await WorkflowResponses.CreatedAsync(http, views, result.Workflow, cancellationToken);
    }
}
