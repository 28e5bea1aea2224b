using System.Text.RegularExpressions;
using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// Checks a definition against the plugin catalog and the condition compiler. Errors are keyed by
/// the field (or step) they concern, so an editor can put each next to its cause.
/// </summary>
public sealed partial class WorkflowValidator(IPluginCatalog catalog, IConditionValidator conditionValidator)
{
    public static Dictionary<string, string[]> ValidateShape(WorkflowRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || !CodePattern().IsMatch(request.Code))
        {
            errors["code"] = ["Use 1–20 upper-case letters, digits, '-' or '_' (e.g. PURCH-APPROVAL)."];
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors["description"] = ["Describe what the workflow does."];
        }

        if (string.IsNullOrWhiteSpace(request.EntryEvent))
        {
            errors["entryEvent"] = ["Name the event that starts the workflow (GET /api/catalog/events lists them)."];
        }

        if (!string.IsNullOrWhiteSpace(request.Condition) && !string.IsNullOrWhiteSpace(request.ConditionScript))
        {
            errors["condition"] = ["Give either an inline condition or a condition script, not both."];
        }

        if (request.Responses is not { Count: > 0 })
        {
            errors["responses"] = ["Add at least one response (GET /api/catalog/responses lists them)."];
        }
        else
        {
            for (var i = 0; i < request.Responses.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(request.Responses[i].Function))
                {
                    errors[$"responses[{i}].function"] = ["Name the response's function."];
                }
            }
        }

        return errors;
    }

    /// <summary>Everything that must hold for the definition to run with the plugins and scripts loaded now.</summary>
    public Dictionary<string, string[]> Validate(WorkflowDefinition definition)
    {
        var errors = new Dictionary<string, string[]>();
        var snapshot = catalog.Current;
        var responseIndex = 0;
        foreach (var step in definition.Steps)
        {
            if (step.Type == StepType.Event)
            {
                ValidateEvent(step, snapshot, errors);
            }
            else if (step.Type == StepType.Response)
            {
                ValidateResponse(step, $"responses[{responseIndex++}]", snapshot, errors);
            }
        }

        return errors;
    }

    private void ValidateEvent(WorkflowStepDefinition step, CatalogSnapshot snapshot, Dictionary<string, string[]> errors)
    {
        var field = step.ParentId is null ? "entryEvent" : $"steps[{step.Id}]";
        if (!snapshot.Events.TryGetValue(step.FunctionName, out var descriptor))
        {
            errors[field] = [$"Event '{step.FunctionName}' is not offered by any loaded plugin."];
            return;
        }

        if (step.Condition?.ToSource() is null)
        {
            return;
        }

        var diagnostics = conditionValidator.Validate(step.Condition.ToSource()!, descriptor.RecordType.ClrType);
        if (diagnostics.Count > 0)
        {
            errors[step.Condition.Script is null ? "condition" : "conditionScript"] = diagnostics
                .Select(d => $"line {d.Line}, column {d.Column}: {d.Message}")
                .ToArray();
        }
    }

    private static void ValidateResponse(WorkflowStepDefinition step, string field, CatalogSnapshot snapshot, Dictionary<string, string[]> errors)
    {
        if (!snapshot.Responses.TryGetValue(step.FunctionName, out var descriptor))
        {
            errors[$"{field}.function"] = [$"Response '{step.FunctionName}' is not offered by any loaded plugin."];
            return;
        }

        foreach (var error in descriptor.ValidateOptions(step.Options))
        {
            errors[$"{field}.options.{error.Option}"] = [error.Message];
        }
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,19}$")]
    private static partial Regex CodePattern();
}
