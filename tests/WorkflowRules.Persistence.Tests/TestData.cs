using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Persistence.Tests;

/// <summary>Valid rows for tests to change what they are about.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static Workflow Workflow(string code = "PO_APPROVAL")
    {
        var workflow = new Workflow
        {
            Id = Guid.NewGuid(),
            Code = code,
            Description = "Approve purchase orders",
            Enabled = true,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        var version = new WorkflowVersion
        {
            Id = Guid.NewGuid(),
            WorkflowId = workflow.Id,
            Number = 1,
            EntryEvent = "PurchaseOrderSent",
            DefinitionJson = """{"steps":[]}""",
            CreatedAt = Now,
            CreatedBy = "alice",
        };
        workflow.Versions.Add(version);
        workflow.CurrentVersion = version;
        workflow.EntryEvent = version.EntryEvent;
        return workflow;
    }

    public static ReceivedEvent Event(string? idempotencyKey = null, Guid? raisedByInstanceId = null) => new()
    {
        Id = Guid.NewGuid(),
        EventName = "PurchaseOrderSent",
        RecordType = "PurchaseOrder",
        RecordKey = "PO-1001",
        RecordJson = """{"number":"PO-1001","total":1250.5}""",
        ActingUser = "alice",
        OccurredAt = Now,
        ReceivedAt = Now,
        IdempotencyKey = idempotencyKey,
        RaisedByInstanceId = raisedByInstanceId,
        Status = ReceivedEventStatus.Pending,
    };

    public static WorkflowInstance Instance(WorkflowVersion version, ReceivedEvent trigger) => new()
    {
        Id = Guid.NewGuid(),
        WorkflowVersionId = version.Id,
        WorkflowCode = "PO_APPROVAL",
        WorkflowVersionNumber = version.Number,
        RecordType = trigger.RecordType,
        RecordKey = trigger.RecordKey,
        RecordJson = trigger.RecordJson,
        TriggeringEventId = trigger.Id,
        ActingUser = trigger.ActingUser,
        Status = InstanceStatus.Running,
        CreatedAt = Now,
        Steps =
        [
            new InstanceStep { Id = Guid.NewGuid(), StepId = "1", DefinitionVersionId = version.Id, DefinitionStepId = "1", Type = StepType.Event, FunctionName = "PurchaseOrderSent", Status = StepStatus.Completed },
            new InstanceStep { Id = Guid.NewGuid(), StepId = "2", DefinitionVersionId = version.Id, DefinitionStepId = "2", ParentStepId = "1", Type = StepType.Response, FunctionName = "RequestApproval", Status = StepStatus.Active },
        ],
    };

    /// <summary>Stores a workflow, the event that triggered it and a running instance of it; returns the instance.</summary>
    public static async Task<WorkflowInstance> StoreInstanceAsync(WorkflowRulesDbContext db)
    {
        var workflow = Workflow();
        var trigger = Event();
        var instance = Instance(workflow.Versions[0], trigger);
        db.Workflows.Add(workflow);
        db.ReceivedEvents.Add(trigger);
        db.WorkflowInstances.Add(instance);
        await db.SaveChangesAsync();
        return instance;
    }
}
