using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Events;

/// <summary>The answer to a posted event: what was stored, which instances it moved on or started, or which it waits behind.</summary>
public sealed record EventOutcomeView(
    Guid EventId,
    string Event,
    string RecordKey,
    ReceivedEventStatus Status,
    IReadOnlyList<StartedInstanceView> Instances,
    IReadOnlyList<ContinuedInstanceView> Continued,
    Guid? QueuedBehindInstanceId,
    IReadOnlyList<ConditionError> ConditionErrors)
{
    public static EventOutcomeView From(
        ReceivedEvent received, IEnumerable<WorkflowInstance> started, IEnumerable<Continuation> continued, IReadOnlyList<ConditionError> conditionErrors) =>
        new(received.Id, received.EventName, received.RecordKey, received.Status,
            started.Select(i => new StartedInstanceView(i.Id, i.WorkflowCode, i.WorkflowVersionNumber, $"/api/instances/{i.Id}")).ToList(),
            continued.Select(c => new ContinuedInstanceView(c.Instance.Id, c.Instance.WorkflowCode, c.Step.StepId, $"/api/instances/{c.Instance.Id}")).ToList(),
            received.QueuedForInstanceId,
            conditionErrors);
}

public sealed record StartedInstanceView(Guid Id, string WorkflowCode, int WorkflowVersion, string Url);

/// <summary>A running instance an event moved on, and the waiting step it completed.</summary>
public sealed record ContinuedInstanceView(Guid Id, string WorkflowCode, string StepId, string Url);
