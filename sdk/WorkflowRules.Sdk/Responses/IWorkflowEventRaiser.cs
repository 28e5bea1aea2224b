namespace WorkflowRules.Sdk.Responses;

/// <summary>Raises follow-up events from a response.</summary>
public interface IWorkflowEventRaiser
{
    /// <summary>
    /// Queues an event. It is stored together with the step's completion and handled once the
    /// instance's running responses are done, so a response that is retried raises it once.
    /// </summary>
    /// <param name="eventName">The event's function name.</param>
    /// <param name="record">A record of the event's record type.</param>
    /// <param name="previousRecord">The previous version of the record, for events that carry one.</param>
    void Raise(string eventName, object record, object? previousRecord = null);
}
