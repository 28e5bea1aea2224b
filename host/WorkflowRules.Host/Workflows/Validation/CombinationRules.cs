using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// The catalog's combinations (BC's event hierarchy and event/response combinations): an event named as the
/// following event of some pair may only come after the events it is paired with, and a response named in some pair
/// only after its events. Anything named in no pair is independent and may follow any event. "After" means below
/// the nearest event up the tree; a sub-workflow step's first event counts as following that event too.
/// </summary>
internal static class CombinationRules
{
    public static void Check(ValidationScope scope)
    {
        var events = scope.Catalog.EventCombinations;
        var responses = scope.Catalog.ResponseCombinations;
        for (var i = 0; i < scope.Steps.Count; i++)
        {
            var step = scope.Steps[i];
            if (step.ParentId is null || scope.PrecedingEvent(step) is not { } preceding)
            {
                continue;
            }

            var key = $"{ValidationScope.Key(i)}.function";
            switch (step.Type)
            {
                case StepType.Event:
                    CheckPair(scope, key, step, "event", step.FunctionName, preceding, [.. events.Where(p => p.FollowingEvent == step.FunctionName).Select(p => p.PrecedingEvent)]);
                    break;
                case StepType.Response:
                    CheckPair(scope, key, step, "response", step.FunctionName, preceding, [.. responses.Where(p => p.Response == step.FunctionName).Select(p => p.PrecedingEvent)]);
                    break;
                case StepType.SubWorkflow when scope.Context.Find(step.FunctionName)?.Definition?.Root is { Type: StepType.Event } subRoot:
                    CheckPair(scope, key, step, $"sub-workflow '{step.FunctionName}' starts with event", subRoot.FunctionName, preceding,
                        [.. events.Where(p => p.FollowingEvent == subRoot.FunctionName).Select(p => p.PrecedingEvent)]);
                    break;
            }
        }
    }

    private static void CheckPair(
        ValidationScope scope, string key, WorkflowStepDefinition step, string what, string function, WorkflowStepDefinition preceding, List<string> allowedAfter)
    {
        if (allowedAfter.Count == 0 || allowedAfter.Contains(preceding.FunctionName, StringComparer.Ordinal))
        {
            return;
        }

        var allowed = string.Join(", ", allowedAfter.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(e => $"'{e}'"));
        scope.Problems.Add(key, $"Step '{step.Id}': {what} '{function}' may only follow {allowed}, not '{preceding.FunctionName}' (step '{preceding.Id}').");
    }
}
