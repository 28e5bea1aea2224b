using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// Sub-workflow steps (BC-WORKFLOW.md §1): the workflow exists, is enabled (a template never is), does not contain
/// the workflow using it (directly or through other sub-workflows), and ends in exactly one step when steps follow
/// it — the step they are attached to once it is inlined.
/// </summary>
internal static class SubWorkflowRules
{
    private const int MaxDepth = 16;

    public static void Check(ValidationScope scope)
    {
        for (var i = 0; i < scope.Steps.Count; i++)
        {
            var step = scope.Steps[i];
            if (step.Type == StepType.SubWorkflow)
            {
                CheckStep(scope, step, $"{ValidationScope.Key(i)}.function");
            }
        }
    }

    private static void CheckStep(ValidationScope scope, WorkflowStepDefinition step, string key)
    {
        var code = step.FunctionName;
        if (code == scope.Candidate.Code)
        {
            scope.Problems.Add(key, $"Step '{step.Id}' uses this workflow as its own sub-workflow: a workflow cannot contain itself.");
            return;
        }

        var sub = scope.Context.Find(code);
        if (sub is null)
        {
            scope.Problems.Add(key, $"Step '{step.Id}' uses workflow '{code}' as a sub-workflow, but no workflow has that code.");
            return;
        }

        if (sub.IsTemplate)
        {
            scope.Problems.Add(key, $"Step '{step.Id}' uses template '{code}' as a sub-workflow, but templates never run: create a workflow from it and use that.");
        }
        else if (!sub.Enabled)
        {
            scope.Problems.Add(key, $"Step '{step.Id}' uses workflow '{code}' as a sub-workflow, but it is not enabled: enable it first.");
        }

        if (FindLoop(scope, code, [scope.Candidate.Code, code]) is { } loop)
        {
            scope.Problems.Add(key, $"Step '{step.Id}' uses workflow '{code}' as a sub-workflow, which leads back in a loop ({string.Join(" → ", loop)}): a workflow cannot contain itself.");
        }

        if (scope.HasChildren(step) && sub.Definition is { } definition && EndProblem(definition) is { } problem)
        {
            scope.Problems.Add(key, $"Steps follow step '{step.Id}', but its sub-workflow '{code}' {problem}: it must end in exactly one step, not itself a sub-workflow, for them to follow.");
        }
    }

    private static string? EndProblem(WorkflowDefinition definition)
    {
        var ends = EndSteps(definition);
        return ends switch
        {
            [] => "ends in no step (every step has a next one)",
            [{ Type: StepType.SubWorkflow } end] => $"ends in step '{end.Id}', itself a sub-workflow",
            [_] => null,
            _ => $"ends in {ends.Count} steps ({string.Join(", ", ends.Select(e => $"'{e.Id}'"))})",
        };
    }

    /// <summary>The codes of a loop of sub-workflows reached from <paramref name="code"/>, starting with the candidate, or null when there is none.</summary>
    private static List<string>? FindLoop(ValidationScope scope, string code, List<string> path)
    {
        if (path.Count > MaxDepth || scope.Context.Find(code)?.Definition is not { } definition)
        {
            return null;
        }

        foreach (var next in definition.Steps.Where(s => s.Type == StepType.SubWorkflow).Select(s => s.FunctionName).Distinct(StringComparer.Ordinal))
        {
            if (path.Contains(next, StringComparer.Ordinal))
            {
                return [.. path, next];
            }

            if (FindLoop(scope, next, [.. path, next]) is { } loop)
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>The steps nothing follows (no children, no jump); the runtime attaches what follows a sub-workflow to its one end step.</summary>
    public static List<WorkflowStepDefinition> EndSteps(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. definition.Steps.Where(s => s.NextStepId is null && !definition.Steps.Any(c => c.ParentId == s.Id))];
    }
}
