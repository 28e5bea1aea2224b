using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Host.Workflows.Views;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// A workflow's versions and state: the history (published versions are immutable), publishing or discarding the
/// draft, enabling and disabling.
/// </summary>
public static class WorkflowVersionEndpoints
{
    /// <summary>Maps the routes under <c>/api/workflows/{code}</c>; part of <see cref="WorkflowEndpoints.MapWorkflows"/>.</summary>
    public static void MapWorkflowVersions(this RouteGroupBuilder read, RouteGroupBuilder write)
    {
        ArgumentNullException.ThrowIfNull(write);
        read.MapGet("/{code}/versions", ListAsync);
        read.MapGet("/{code}/versions/{number:int}", GetAsync);
        write.MapPost("/{code}/publish", (string code, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, HttpContext http,
            WorkflowLifecycle lifecycle, WorkflowViewFactory views, CancellationToken cancellationToken) =>
            RespondAsync(http, views, lifecycle.PublishAsync(code, ifMatch, user, cancellationToken), cancellationToken));
        write.MapDelete("/{code}/draft", (string code, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
            WorkflowLifecycle lifecycle, WorkflowViewFactory views, CancellationToken cancellationToken) =>
            RespondAsync(http, views, lifecycle.DiscardDraftAsync(code, ifMatch, cancellationToken), cancellationToken));
        write.MapPost("/{code}/enable", (string code, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
            WorkflowLifecycle lifecycle, WorkflowViewFactory views, CancellationToken cancellationToken) =>
            RespondAsync(http, views, lifecycle.EnableAsync(code, ifMatch, cancellationToken), cancellationToken));
        write.MapPost("/{code}/disable", (string code, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
            WorkflowLifecycle lifecycle, WorkflowViewFactory views, CancellationToken cancellationToken) =>
            RespondAsync(http, views, lifecycle.DisableAsync(code, ifMatch, cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> RespondAsync(
        HttpContext http, WorkflowViewFactory views, Task<EditResult> write, CancellationToken cancellationToken) =>
        await WorkflowResponses.OkAsync(http, views, await write, cancellationToken);

    private static async Task<Results<Ok<List<WorkflowVersionSummary>>, ProblemHttpResult>> ListAsync(
        string code, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowQueries.FindAsync(db, code, cancellationToken);
        return workflow is null
            ? WorkflowProblemResults.NotFound(code)
            : TypedResults.Ok(workflow.Versions.OrderBy(v => v.Number).Select(v => WorkflowVersionSummary.From(workflow, v)).ToList());
    }

    private static async Task<Results<Ok<WorkflowVersionView>, ProblemHttpResult>> GetAsync(
        string code, int number, WorkflowRulesDbContext db, WorkflowViewFactory views, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowQueries.FindAsync(db, code, cancellationToken);
        if (workflow is null)
        {
            return WorkflowProblemResults.NotFound(code);
        }

        var version = workflow.Versions.SingleOrDefault(v => v.Number == number);
        if (version is null)
        {
            var numbers = string.Join(", ", workflow.Versions.OrderBy(v => v.Number).Select(v => v.Number));
            return Problems.NotFound($"Workflow '{code}' has no version {number}; its versions are {numbers}.");
        }

        var definition = Definitions.DefinitionJson.Deserialize(version.DefinitionJson);
        var context = await WorkflowValidationContextLoader.LoadForAsync(db, [definition], cancellationToken);
        return TypedResults.Ok(views.CreateVersion(workflow, version, context));
    }
}
