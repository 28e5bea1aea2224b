using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Outbox;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Copies a matched definition into a new instance. The entry event is completed at once (it just
/// happened); the responses under it become active and an outbox row asks for a job to run them.
/// </summary>
public static class InstanceFactory
{
    public static (WorkflowInstance Instance, OutboxMessage Outbox) Create(
        WorkflowMatch match, EventOccurrence occurrence, Guid triggeringEventId, DateTimeOffset now)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(),
            WorkflowVersionId = match.Version.Id,
            WorkflowCode = match.Workflow.Code,
            WorkflowVersionNumber = match.Version.Number,
            RecordType = occurrence.Event.RecordType.Name,
            RecordKey = occurrence.RecordKey,
            RecordJson = occurrence.RecordJson,
            PreviousRecordJson = occurrence.PreviousRecordJson,
            TriggeringEventId = triggeringEventId,
            ActingUser = occurrence.ActingUser,
            Status = InstanceStatus.Running,
            CreatedAt = now,
        };

        var root = match.Definition.Root!;
        foreach (var step in match.Definition.Steps)
        {
            instance.Steps.Add(new InstanceStep
            {
                Id = Guid.NewGuid(),
                InstanceId = instance.Id,
                StepId = step.Id,
                DefinitionVersionId = match.Version.Id,
                DefinitionStepId = step.Id,
                ParentStepId = step.ParentId,
                Type = step.Type,
                FunctionName = step.FunctionName,
                Sequence = step.Sequence,
                Status = InitialStatus(step, root, match.Definition),
                StartedAt = step == root ? now : null,
                CompletedAt = step == root ? now : null,
            });
        }

        return (instance, RunRequest(instance.Id, now));
    }

    /// <summary>The outbox row that asks for a job to run the instance's active responses.</summary>
    public static OutboxMessage RunRequest(Guid instanceId, DateTimeOffset now) =>
        new() { InstanceId = instanceId, Kind = OutboxMessageKind.RunInstance, CreatedAt = now };

    private static StepStatus InitialStatus(WorkflowStepDefinition step, WorkflowStepDefinition root, WorkflowDefinition definition)
    {
        if (step == root)
        {
            return StepStatus.Completed;
        }

        // The response chain under the entry event runs now; anything below it waits its turn.
        return IsInResponseChain(step, root, definition) ? StepStatus.Active : StepStatus.Inactive;
    }

    private static bool IsInResponseChain(WorkflowStepDefinition step, WorkflowStepDefinition root, WorkflowDefinition definition)
    {
        for (var current = step; current.Type == StepType.Response; current = definition.Step(current.ParentId!))
        {
            if (current.ParentId == root.Id)
            {
                return true;
            }
        }

        return false;
    }
}
