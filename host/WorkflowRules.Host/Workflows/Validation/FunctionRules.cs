using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// Each step against the catalog: its event or response is offered by a loaded plugin, a response's options are
/// valid (mandatory ones set), an event's condition compiles, and each step has only the argument its type takes.
/// </summary>
internal static class FunctionRules
{
    public static void Check(ValidationScope scope, ConditionChecks conditions, FieldChangeRuleEvaluator changeRules)
    {
        for (var i = 0; i < scope.Steps.Count; i++)
        {
            var step = scope.Steps[i];
            var key = ValidationScope.Key(i);
            switch (step.Type)
            {
                case StepType.Event when scope.Catalog.Events.TryGetValue(step.FunctionName, out var descriptor):
                    ConditionRules.Check(step, i, descriptor, conditions, changeRules, scope.Problems);
                    break;
                case StepType.Event:
                    scope.Problems.Add($"{key}.function", $"Step '{step.Id}': no loaded plugin offers the event '{step.FunctionName}' (GET /api/catalog/events lists them).");
                    break;
                case StepType.Response when scope.Catalog.Responses.TryGetValue(step.FunctionName, out var descriptor):
                    foreach (var error in descriptor.ValidateOptions(step.Options))
                    {
                        scope.Problems.Add(
                            error.Option.Length == 0 ? $"{key}.options" : $"{key}.options.{error.Option}",
                            $"Step '{step.Id}' ({step.FunctionName}): {error.Message}");
                    }

                    break;
                case StepType.Response:
                    scope.Problems.Add($"{key}.function", $"Step '{step.Id}': no loaded plugin offers the response '{step.FunctionName}' (GET /api/catalog/responses lists them).");
                    break;
            }

            if (step.Type != StepType.Event && step.Condition is not null)
            {
                scope.Problems.Add($"{key}.condition", $"Step '{step.Id}' is a {TreeRules.TypeName(step.Type)}: only event steps take a condition.");
            }

            if (step.Type != StepType.Response && step.Options is not null)
            {
                scope.Problems.Add($"{key}.options", $"Step '{step.Id}' is a {TreeRules.TypeName(step.Type)}: only response steps take options.");
            }
        }
    }
}
