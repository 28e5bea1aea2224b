using Microsoft.AspNetCore.Http.HttpResults;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Views;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows;

/// <summary>Turns write results into HTTP answers: the workflow's view with its ETag, or the problem.</summary>
public static class WorkflowResponses
{
    public static WorkflowView WithETag(HttpContext http, WorkflowView view)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(view);
        http.Response.Headers.ETag = view.ETag;
        return view;
    }

    public static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> OkAsync(
        HttpContext http, WorkflowViewFactory views, EditResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Workflow is null)
        {
            return result.Problem!;
        }

        return TypedResults.Ok(WithETag(http, await views.CreateAsync(result.Workflow, cancellationToken)));
    }

    public static async Task<Created<WorkflowView>> CreatedAsync(HttpContext http, WorkflowViewFactory views, Workflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(workflow);
        var view = WithETag(http, await views.CreateAsync(workflow, cancellationToken));
        return TypedResults.Created($"/api/workflows/{workflow.Code}", view);
    }
}
