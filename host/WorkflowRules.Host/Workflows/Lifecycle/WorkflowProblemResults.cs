using Microsoft.AspNetCore.Http.HttpResults;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>The problem details the workflow API answers with, worded once.</summary>
public static class WorkflowProblemResults
{
    public static ProblemHttpResult Invalid(WorkflowProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return Problems.Validation(problems.ToDictionary());
    }

    /// <summary>A 400 listing every enabling check that failed, so one answer says everything to fix.</summary>
    public static ProblemHttpResult CannotEnable(string code, string action, WorkflowProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = problems.ToDictionary();
        var first = errors.First();
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = $"Workflow '{code}' cannot be {action}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} to fix first.",
            Detail = $"{first.Key}: {first.Value[0]}",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        });
    }

    public static ProblemHttpResult NotFound(string code) =>
        Problems.NotFound($"No workflow has the code '{code}' (GET /api/workflows lists them).");

    public static ProblemHttpResult ReadOnlyTemplate(Workflow template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Problems.Conflict(
            $"'{template.Code}' is a template shipped by {template.TemplateSource ?? "the host"}: templates are read-only and never enabled. " +
            $"Create a workflow from it (POST /api/templates/{template.Code}/create-workflow) or copy it (POST /api/workflows/{template.Code}/copy).");
    }

    public static ProblemHttpResult Stale(string code) =>
        Problems.Conflict($"Workflow '{code}' was changed by someone else since you read it; read it again (GET /api/workflows/{code}) and retry.");

    public static ProblemHttpResult BadETag() =>
        Problems.Validation("If-Match", "Send the ETag this API gave for the workflow (e.g. \"1234\"), or * for any.");
}
