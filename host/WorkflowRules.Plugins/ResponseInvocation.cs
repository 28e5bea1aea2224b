using System.Text.Json;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Plugins;

/// <summary>Everything needed to run a response for one step.</summary>
/// <param name="Record">The instance's current record, parsed by the same lease's record type.</param>
/// <param name="PreviousRecord">The previous version of the record, when the triggering event carried one.</param>
/// <param name="Options">The step's options as a JSON object; null for none.</param>
/// <param name="Step">The instance and step being run.</param>
/// <param name="ActingUser">The user whose action triggered the instance.</param>
/// <param name="IdempotencyKey">Stable across retries of the step.</param>
/// <param name="Events">Collects the events the response raises.</param>
public sealed record ResponseInvocation(
    object Record,
    object? PreviousRecord,
    JsonElement? Options,
    WorkflowStepInfo Step,
    string ActingUser,
    string IdempotencyKey,
    IWorkflowEventRaiser Events)
{
    /// <summary>The record as the event that started the instance carried it; null while no response has changed it.</summary>
    public object? OriginalRecord { get; init; }
}
