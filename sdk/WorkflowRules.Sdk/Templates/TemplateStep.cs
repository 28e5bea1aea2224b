using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Sdk.Templates;

/// <summary>
/// One step of a template given as a full step tree (<see cref="WorkflowTemplate.Steps"/>): alternatives, loops
/// back and sub-workflows that the simple chain of <see cref="WorkflowTemplate.Responses"/> cannot express.
/// </summary>
/// <param name="Id">Unique inside the template (e.g. <c>"1"</c>, <c>"send"</c>).</param>
/// <param name="Type">Event, response or sub-workflow.</param>
/// <param name="FunctionName">The event's or response's function name, or the sub-workflow's code.</param>
public sealed record TemplateStep(string Id, TemplateStepType Type, string FunctionName)
{
    /// <summary>The previous step; null only for the root (the entry event).</summary>
    public string? ParentId { get; init; }

    /// <summary>Order among siblings: sibling events are alternatives tried in this order.</summary>
    public int Sequence { get; init; } = 1;

    /// <summary>A step to activate once this one completes, instead of its children (loops back).</summary>
    public string? NextStepId { get; init; }

    /// <summary>For an event step: a C# condition (an expression, or statements ending in <c>return</c>).</summary>
    public string? Condition { get; init; }

    /// <summary>For an event step: the name of a condition script in the host's scripts folder, instead of <see cref="Condition"/>.</summary>
    public string? ConditionScript { get; init; }

    /// <summary>For an event step: field-change rules that must all hold (together with the condition).</summary>
    public IReadOnlyList<FieldChangeRule> ChangeRules { get; init; } = [];

    /// <summary>For a response step: its options as a JSON object, or null for the defaults.</summary>
    public string? OptionsJson { get; init; }
}
