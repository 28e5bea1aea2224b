using System.Text.Json;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>
/// Turns steps as sent (or imported) into a definition. Only what makes a step unreadable is an error here (no id,
/// type or function, a condition with both code and a script, a change rule without field or change): a tree of
/// readable steps is accepted however malformed, so it can be saved disabled and its problems shown.
/// </summary>
public static class StepRequestReader
{
    /// <param name="steps">The steps as sent.</param>
    /// <param name="path">Where they are in the request (<c>steps</c>, <c>workflows[2].steps</c>), for error keys.</param>
    /// <param name="errors">Collects what makes a step unreadable.</param>
    /// <returns>The definition, or null when a step is unreadable.</returns>
    public static WorkflowDefinition? Read(IReadOnlyList<StepRequest?> steps, string path, WorkflowProblems errors)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var definitions = new List<WorkflowStepDefinition>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            if (ReadStep(steps[i], $"{path}[{i}]", errors) is { } step)
            {
                definitions.Add(step);
            }
        }

        return errors.Count == before ? new WorkflowDefinition(definitions) : null;
    }

    private static WorkflowStepDefinition? ReadStep(StepRequest? step, string key, WorkflowProblems errors)
    {
        if (step is null)
        {
            errors.Add(key, "A step cannot be null: give its id, type and function.");
            return null;
        }

        var id = step.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add($"{key}.id", "Give the step an id, unique inside the workflow (e.g. \"1\").");
        }

        var type = ReadType(step.Type, $"{key}.type", errors);
        if (string.IsNullOrWhiteSpace(step.Function))
        {
            errors.Add($"{key}.function", "Name the step's function: the event's or response's function name, or the sub-workflow's code.");
        }

        var condition = ReadCondition(step.Condition, $"{key}.condition", errors);
        if (string.IsNullOrEmpty(id) || type is null || string.IsNullOrWhiteSpace(step.Function))
        {
            return null;
        }

        return new WorkflowStepDefinition(id, type.Value, step.Function.Trim(), Blank(step.ParentId), step.Sequence ?? 1)
        {
            NextStepId = Blank(step.NextStepId),
            Condition = condition,
            Options = step.Options is { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : step.Options,
        };
    }

    private static StepType? ReadType(string? type, string key, WorkflowProblems errors)
    {
        if (Enum.TryParse<StepType>(type?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) && !int.TryParse(type, out _))
        {
            return parsed;
        }

        errors.Add(key, string.IsNullOrWhiteSpace(type)
            ? "Give the step's type: Event, Response or SubWorkflow."
            : $"'{type}' is not a step type: use Event, Response or SubWorkflow.");
        return null;
    }

    private static ConditionDefinition? ReadCondition(ConditionRequest? condition, string key, WorkflowProblems errors)
    {
        if (condition is null)
        {
            return null;
        }

        var code = string.IsNullOrWhiteSpace(condition.Code) ? null : condition.Code;
        var script = Blank(condition.Script);
        if (code is not null && script is not null)
        {
            errors.Add(key, "Give either inline code or a script name, not both.");
        }

        var rules = new List<FieldChangeRule>();
        for (var i = 0; i < (condition.ChangeRules?.Count ?? 0); i++)
        {
            if (ReadRule(condition.ChangeRules![i], $"{key}.changeRules[{i}]", errors) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return code is null && script is null && rules.Count == 0
            ? null
            : new ConditionDefinition(code, script) { ChangeRules = rules.Count == 0 ? null : rules };
    }

    private static FieldChangeRule? ReadRule(ChangeRuleRequest? rule, string key, WorkflowProblems errors)
    {
        if (string.IsNullOrWhiteSpace(rule?.Field))
        {
            errors.Add($"{key}.field", "Name the field whose change the rule tests (e.g. CreditLimit).");
        }

        if (!Enum.TryParse<FieldChange>(rule?.Change, ignoreCase: true, out var change) || !Enum.IsDefined(change) || int.TryParse(rule?.Change, out _))
        {
            errors.Add($"{key}.change", string.IsNullOrWhiteSpace(rule?.Change)
                ? "Say how the field must change: Changed, Increased or Decreased."
                : $"'{rule!.Change}' is not a change: use Changed, Increased or Decreased.");
            return null;
        }

        return string.IsNullOrWhiteSpace(rule?.Field) ? null : new FieldChangeRule(rule.Field.Trim(), change);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
