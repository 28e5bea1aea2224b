using System.Text.Json;

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// A workflow in its simplest shape: one entry event (with an optional condition) and a chain of
/// responses run in order. It is stored as a step tree, so richer shapes add to it.
/// </summary>
public sealed record WorkflowRequest
{
    /// <summary>Unique upper-case code; taken from the route on update.</summary>
    public string? Code { get; init; }

    public string? Description { get; init; }

    public bool Enabled { get; init; }

    /// <summary>Function name of the event that starts the workflow.</summary>
    public string? EntryEvent { get; init; }

    /// <summary>Inline C# condition over <c>Record</c>, <c>Previous</c> and <c>Event</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>Name of a condition script in the scripts folder (instead of <see cref="Condition"/>).</summary>
    public string? ConditionScript { get; init; }

    public IReadOnlyList<WorkflowResponseRequest>? Responses { get; init; }
}

/// <summary>One response of the chain.</summary>
/// <param name="Function">The response's function name.</param>
/// <param name="Options">Its options as a JSON object.</param>
public sealed record WorkflowResponseRequest(string? Function, JsonElement? Options);
