using System.Text.Json;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Definitions;

/// <summary>One step of a workflow definition.</summary>
/// <param name="Id">Unique inside the workflow.</param>
/// <param name="Type">Event, response or sub-workflow.</param>
/// <param name="FunctionName">Which event or response (from the plugin catalog), or which workflow (its code).</param>
/// <param name="ParentId">The previous step; null for the entry point.</param>
/// <param name="Sequence">Order among siblings: sibling events are alternatives tried in this order.</param>
public sealed record WorkflowStepDefinition(string Id, StepType Type, string FunctionName, string? ParentId, int Sequence)
{
    /// <summary>The step to activate when this one completes, instead of its children: a loop back (or forward).</summary>
    public string? NextStepId { get; init; }

    /// <summary>For an event step: what must hold for it to match.</summary>
    public ConditionDefinition? Condition { get; init; }

    /// <summary>For a response step: its options as a JSON object.</summary>
    public JsonElement? Options { get; init; }
}
