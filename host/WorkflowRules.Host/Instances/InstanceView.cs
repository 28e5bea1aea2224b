using System.Text.Json;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Instances;

/// <summary>An instance with its steps, as operators and applications read it.</summary>
public sealed record InstanceView(
    Guid Id,
    string WorkflowCode,
    int WorkflowVersion,
    string RecordType,
    string RecordKey,
    JsonElement Record,
    InstanceStatus Status,
    string ActingUser,
    Guid TriggeringEventId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<InstanceStepView> Steps)
{
    public static InstanceView From(WorkflowInstance instance)
    {
        using var record = JsonDocument.Parse(instance.RecordJson);
        return new InstanceView(
            instance.Id, instance.WorkflowCode, instance.WorkflowVersionNumber, instance.RecordType, instance.RecordKey,
            record.RootElement.Clone(), instance.Status, instance.ActingUser, instance.TriggeringEventId, instance.CreatedAt, instance.CompletedAt,
            instance.Steps.OrderBy(s => s.StepId.Length).ThenBy(s => s.StepId, StringComparer.Ordinal).Select(InstanceStepView.From).ToList());
    }
}

/// <summary>One step of an instance: where it is and, when it failed, why.</summary>
public sealed record InstanceStepView(
    string StepId,
    string? ParentStepId,
    StepType Type,
    string FunctionName,
    StepStatus Status,
    int Attempts,
    string? Message,
    string? Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public static InstanceStepView From(InstanceStep step) => new(
        step.StepId, step.ParentStepId, step.Type, step.FunctionName, step.Status, step.Attempts, step.Message, step.Error, step.StartedAt, step.CompletedAt);
}
