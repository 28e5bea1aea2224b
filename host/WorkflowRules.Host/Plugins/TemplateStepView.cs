using System.Text.Json;
using WorkflowRules.Sdk.Conditions;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Host.Plugins;

/// <summary>One step of a template's tree, as a designer lays it out (options as a JSON object, not text).</summary>
/// <param name="Id">Unique within the template.</param>
/// <param name="Type">Event, Response or SubWorkflow.</param>
/// <param name="FunctionName">The event, the response, or the sub-workflow's code.</param>
/// <param name="ParentId">The previous step; null for the root (the entry event).</param>
/// <param name="Sequence">Order among siblings; sibling events are alternatives tried in this order.</param>
/// <param name="NextStepId">The step activated instead of the children once this one completes (a loop back).</param>
/// <param name="Condition">An event step's C# condition.</param>
/// <param name="ConditionScript">An event step's condition script, instead of a condition.</param>
/// <param name="ChangeRules">An event step's field-change rules.</param>
/// <param name="Options">A response step's options.</param>
public sealed record TemplateStepView(
    string Id,
    TemplateStepType Type,
    string FunctionName,
    string? ParentId,
    int Sequence,
    string? NextStepId,
    string? Condition,
    string? ConditionScript,
    IReadOnlyList<FieldChangeRule> ChangeRules,
    JsonElement? Options)
{
    /// <summary>Options were checked when the plugin loaded, so they parse.</summary>
    public static TemplateStepView From(TemplateStep step)
    {
        JsonElement? options = null;
        if (!string.IsNullOrWhiteSpace(step.OptionsJson))
        {
            using var document = JsonDocument.Parse(step.OptionsJson);
            options = document.RootElement.Clone();
        }

        return new(
            step.Id, step.Type, step.FunctionName, step.ParentId, step.Sequence, step.NextStepId,
            step.Condition, step.ConditionScript, step.ChangeRules, options);
    }
}
