using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Events;

/// <summary>The answer to a posted event: what was stored and which instances it started.</summary>
public sealed record EventOutcomeView(
    Guid EventId,
    string Event,
    string RecordKey,
    ReceivedEventStatus Status,
    IReadOnlyList<StartedInstanceView> Instances,
    IReadOnlyList<ConditionError> ConditionErrors)
{
    public static EventOutcomeView From(ReceivedEvent received, IEnumerable<WorkflowInstance> instances, IReadOnlyList<ConditionError> conditionErrors) =>
        new(received.Id, received.EventName, received.RecordKey, received.Status,
            instances.Select(i => new StartedInstanceView(i.Id, i.WorkflowCode, i.WorkflowVersionNumber, $"/api/instances/{i.Id}")).ToList(),
            conditionErrors);
}

public sealed record StartedInstanceView(Guid Id, string WorkflowCode, int WorkflowVersion, string Url);
