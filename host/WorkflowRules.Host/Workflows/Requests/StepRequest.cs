using System.Text.Json;

namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>One step as clients send it and as exports write it (every field, so a round trip loses nothing).</summary>
public sealed record StepRequest
{
    /// <summary>Unique inside the workflow.</summary>
    public string? Id { get; init; }

    /// <summary><c>Event</c>, <c>Response</c> or <c>SubWorkflow</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The event's or response's function name, or the sub-workflow's code.</summary>
    public string? Function { get; init; }

    /// <summary>The previous step; null for the entry point.</summary>
    public string? ParentId { get; init; }

    /// <summary>Order among siblings (sibling events are alternatives tried in this order); 1 when absent.</summary>
    public int? Sequence { get; init; }

    /// <summary>The step to activate when this one completes, instead of its children (a loop back).</summary>
    public string? NextStepId { get; init; }

    /// <summary>For an event step: what must hold for it to match.</summary>
    public ConditionRequest? Condition { get; init; }

    /// <summary>For a response step: its options as a JSON object.</summary>
    public JsonElement? Options { get; init; }
}
