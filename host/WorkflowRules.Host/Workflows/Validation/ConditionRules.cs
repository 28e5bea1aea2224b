using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>An event step's condition against its event's record type: the C# compiles and passes the allow-list, the change rules fit.</summary>
internal static class ConditionRules
{
    public static void Check(
        WorkflowStepDefinition step, int index, EventDescriptor descriptor, ConditionChecks conditions, FieldChangeRuleEvaluator changeRules, WorkflowProblems problems)
    {
        if (step.Condition is not { } condition)
        {
            return;
        }

        var key = $"{ValidationScope.Key(index)}.condition";
        if (condition.ToSource() is { } source)
        {
            foreach (var diagnostic in conditions.Validate(source, descriptor.RecordType.ClrType))
            {
                // The key names the step; the message keeps the shape editors place by ("line 1, column 8: …").
                problems.Add(condition.Script is null ? $"{key}.code" : $"{key}.script", $"line {diagnostic.Line}, column {diagnostic.Column}: {diagnostic.Message}");
            }
        }

        var rules = condition.ChangeRules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (changeRules.Validate(rules[i], descriptor.RecordType.ClrType, descriptor.CarriesPreviousRecord) is { } problem)
            {
                problems.Add($"{key}.changeRules[{i}]", $"Step '{step.Id}': {problem}");
            }
        }
    }
}
