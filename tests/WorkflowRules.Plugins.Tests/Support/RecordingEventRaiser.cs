using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Plugins.Tests.Support;

/// <summary>Collects the events a response raises, as the host's raiser would.</summary>
public sealed class RecordingEventRaiser : IWorkflowEventRaiser
{
    public List<(string EventName, object Record, object? PreviousRecord)> Raised { get; } = [];

    public void Raise(string eventName, object record, object? previousRecord = null) => Raised.Add((eventName, record, previousRecord));
}
