using System.Text.Json;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Views;

/// <summary>One step as the API shows it: every field of the definition, the condition in words, and whether it is the entry point.</summary>
/// <param name="Id">Unique inside the workflow.</param>
/// <param name="Type">Event, Response or SubWorkflow.</param>
/// <param name="Function">The event's or response's function name, or the sub-workflow's code.</param>
/// <param name="ParentId">The previous step; null for the entry point.</param>
/// <param name="Sequence">Order among siblings.</param>
/// <param name="NextStepId">The step activated instead of the children (a loop back).</param>
/// <param name="Condition">An event step's condition (code, script, change rules).</param>
/// <param name="ConditionText">The condition in words ("Credit Limit is increased and Record.Amount > 1000").</param>
/// <param name="Options">A response step's options.</param>
/// <param name="EntryPoint">True for a step without a parent (a valid workflow has exactly one, an event).</param>
public sealed record StepView(
    string Id,
    StepType Type,
    string Function,
    string? ParentId,
    int Sequence,
    string? NextStepId,
    ConditionDefinition? Condition,
    string? ConditionText,
    JsonElement? Options,
    bool EntryPoint)
{
    public static StepView From(WorkflowStepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(
            step.Id, step.Type, step.FunctionName, step.ParentId, step.Sequence, step.NextStepId,
            step.Condition, step.Condition?.Describe(), step.Options, EntryPoint: step.ParentId is null);
    }
}
