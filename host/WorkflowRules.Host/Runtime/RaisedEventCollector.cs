using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Host.Runtime;

/// <summary>Collects the events a response raises; they are stored with the step's completion, never before.</summary>
public sealed class RaisedEventCollector : IWorkflowEventRaiser
{
    private readonly List<RaisedEvent> _raised = [];

    public IReadOnlyList<RaisedEvent> Raised => _raised;

    public void Raise(string eventName, object record, object? previousRecord = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(record);
        _raised.Add(new RaisedEvent(eventName, record, previousRecord));
    }
}

/// <summary>One event raised by a response.</summary>
public sealed record RaisedEvent(string EventName, object Record, object? PreviousRecord);
