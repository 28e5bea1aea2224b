using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>The shape of the tree (BC-WORKFLOW.md §1): one root which is an event, unique ids, parents and jump targets that exist, no loop of parents.</summary>
internal static class TreeRules
{
    public static void Check(ValidationScope scope)
    {
        var steps = scope.Steps;
        if (steps.Count == 0)
        {
            scope.Problems.Add("steps", "The workflow has no steps: add its entry point, a step of type Event without a parent.");
            return;
        }

        CheckIds(scope);
        CheckRoots(scope);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.ParentId is not null && scope.Find(step.ParentId) is null)
            {
                scope.Problems.Add($"{ValidationScope.Key(i)}.parentId", $"Step '{step.Id}' follows step '{step.ParentId}', which is not a step of this workflow.");
            }

            if (step.NextStepId is not null && scope.Find(step.NextStepId) is null)
            {
                scope.Problems.Add($"{ValidationScope.Key(i)}.nextStepId", $"Step '{step.Id}' jumps to step '{step.NextStepId}', which is not a step of this workflow.");
            }
        }

        CheckParentLoops(scope);
    }

    private static void CheckIds(ValidationScope scope)
    {
        var indices = scope.Steps.Select((step, index) => (step.Id, index)).GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var group in indices)
        {
            var places = string.Join(", ", group.Select(s => ValidationScope.Key(s.index)));
            foreach (var (_, index) in group.Skip(1))
            {
                scope.Problems.Add($"{ValidationScope.Key(index)}.id", $"Step id '{group.Key}' is used by {group.Count()} steps ({places}): ids must be unique inside the workflow.");
            }
        }
    }

    private static void CheckRoots(ValidationScope scope)
    {
        var roots = scope.Steps.Select((step, index) => (step, index)).Where(s => s.step.ParentId is null).ToList();
        if (roots.Count == 0)
        {
            scope.Problems.Add("steps", "No step is the entry point: exactly one step, an event, must have no parent.");
        }
        else if (roots.Count > 1)
        {
            var names = string.Join(", ", roots.Select(r => $"'{r.step.Id}'"));
            foreach (var (_, index) in roots)
            {
                scope.Problems.Add($"{ValidationScope.Key(index)}.parentId", $"Steps {names} have no parent, but a workflow has exactly one entry point: give all but one of them a parent.");
            }
        }
        else if (roots[0].step.Type != StepType.Event)
        {
            scope.Problems.Add(
                $"{ValidationScope.Key(roots[0].index)}.type",
                $"Step '{roots[0].step.Id}' is the entry point, so it must be an event, not a {TypeName(roots[0].step.Type)}.");
        }
    }

    /// <summary>Reports each loop of parents once, on its first step: such steps are cut off from the entry point.</summary>
    private static void CheckParentLoops(ValidationScope scope)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scope.Steps.Count; i++)
        {
            var path = new List<WorkflowStepDefinition>();
            for (var current = scope.Steps[i]; current is not null && !reported.Contains(current.Id); current = scope.Find(current.ParentId))
            {
                var start = path.FindIndex(s => s.Id == current.Id);
                if (start >= 0)
                {
                    var loop = path[start..];
                    loop.ForEach(s => reported.Add(s.Id));
                    var text = string.Join(" → ", loop.Append(loop[0]).Select(s => $"'{s.Id}'"));
                    var first = Enumerable.Range(0, scope.Steps.Count).First(index => loop.Exists(s => ReferenceEquals(s, scope.Steps[index])));
                    scope.Problems.Add(
                        $"{ValidationScope.Key(first)}.parentId",
                        $"Steps {text} are each other's parents, a loop cut off from the entry point: to repeat steps, jump back with nextStepId instead.");
                    break;
                }

                path.Add(current);
            }
        }
    }

    public static string TypeName(StepType type) => type == StepType.SubWorkflow ? "sub-workflow" : type.ToString().ToLowerInvariant();
}
