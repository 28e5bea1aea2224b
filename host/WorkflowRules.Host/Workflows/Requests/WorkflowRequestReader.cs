using System.Text.RegularExpressions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Validation;

namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>Reads a create or update request: its header, and its steps in either shape.</summary>
public static partial class WorkflowRequestReader
{
    /// <summary>Why <paramref name="code"/> cannot be a workflow's code, or null when it can.</summary>
    public static string? CodeProblem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code))
        {
            return "Use 1–20 upper-case letters, digits, '-' or '_', starting with a letter or digit (e.g. PURCH-APPROVAL).";
        }

        // GET /api/workflows/export is the export of several workflows; routes ignore case.
        return code == "EXPORT" ? "EXPORT is reserved (GET /api/workflows/export exports workflows): choose another code." : null;
    }

    /// <returns>The definition, or null with the reasons the request is unreadable (keys name the fields sent).</returns>
    public static (WorkflowDefinition? Definition, WorkflowProblems Errors) Read(WorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new WorkflowProblems();
        if (CodeProblem(request.Code) is { } codeProblem)
        {
            errors.Add("code", codeProblem);
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors.Add("description", "Describe what the workflow does.");
        }

        var definition = request.IsSimpleShape ? ReadSimpleShape(request, errors) : ReadSteps(request, errors);
        return errors.IsEmpty ? (definition, errors) : (null, errors);
    }

    private static WorkflowDefinition? ReadSteps(WorkflowRequest request, WorkflowProblems errors)
    {
        if (request.EntryEvent is not null || request.Condition is not null || request.ConditionScript is not null || request.Responses is not null)
        {
            errors.Add("steps", "Give either steps or the simple shape (entryEvent, condition, conditionScript, responses), not both.");
            return null;
        }

        return StepRequestReader.Read(request.Steps!, "steps", errors);
    }

    private static WorkflowDefinition? ReadSimpleShape(WorkflowRequest request, WorkflowProblems errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(request.EntryEvent))
        {
            errors.Add("entryEvent", "Name the event that starts the workflow (GET /api/catalog/events lists them), or give its steps.");
        }

        if (!string.IsNullOrWhiteSpace(request.Condition) && !string.IsNullOrWhiteSpace(request.ConditionScript))
        {
            errors.Add("condition", "Give either an inline condition or a condition script, not both.");
        }

        if (request.Responses is not { Count: > 0 })
        {
            errors.Add("responses", "Add at least one response (GET /api/catalog/responses lists them).");
        }
        else
        {
            for (var i = 0; i < request.Responses.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(request.Responses[i]?.Function))
                {
                    errors.Add($"responses[{i}].function", "Name the response's function.");
                }
            }
        }

        return errors.Count == before ? WorkflowDefinitionFactory.Create(request) : null;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,19}$")]
    private static partial Regex CodePattern();
}
