using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// Paired responses (BC-WORKFLOW.md §1, e.g. "revert value" with "apply new values"): a workflow using a response
/// must also use the response it is paired with — in its own steps or in a sub-workflow it inlines.
/// </summary>
internal static class ResponsePairRules
{
    private const int MaxDepth = 16;

    public static void Check(ValidationScope scope)
    {
        if (scope.Catalog.ResponsePairs.Count == 0)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        CollectResponses(scope, scope.Steps, used, new HashSet<string>(StringComparer.Ordinal) { scope.Candidate.Code }, depth: 0);
        for (var i = 0; i < scope.Steps.Count; i++)
        {
            var step = scope.Steps[i];
            if (step.Type != StepType.Response)
            {
                continue;
            }

            foreach (var pair in scope.Catalog.ResponsePairs.Where(p => p.Response == step.FunctionName && !used.Contains(p.RequiredResponse)))
            {
                scope.Problems.Add(
                    $"{ValidationScope.Key(i)}.function",
                    $"Step '{step.Id}' uses '{pair.Response}', which works only together with '{pair.RequiredResponse}' (plugin {pair.PluginId}): add a step with '{pair.RequiredResponse}' to the workflow.");
            }
        }
    }

    private static void CollectResponses(
        ValidationScope scope, IEnumerable<Definitions.WorkflowStepDefinition> steps, HashSet<string> used, HashSet<string> visited, int depth)
    {
        foreach (var step in steps)
        {
            if (step.Type == StepType.Response)
            {
                used.Add(step.FunctionName);
            }
            else if (step.Type == StepType.SubWorkflow && depth < MaxDepth && visited.Add(step.FunctionName)
                && scope.Context.Find(step.FunctionName)?.Definition is { } sub)
            {
                CollectResponses(scope, sub.Steps, used, visited, depth + 1);
            }
        }
    }
}
