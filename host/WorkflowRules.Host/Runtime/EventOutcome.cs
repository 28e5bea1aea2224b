using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>What an occurrence did: the instances it started and the workflows skipped for a failing condition.</summary>
public sealed record EventOutcome(ReceivedEvent Event, IReadOnlyList<WorkflowInstance> StartedInstances, IReadOnlyList<ConditionError> ConditionErrors);
