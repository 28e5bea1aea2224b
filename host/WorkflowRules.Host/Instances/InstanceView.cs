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
    DateTimeOffset? ArchivedAt,
    IReadOnlyList<InstanceStepView> Steps)
{
    public static InstanceView From(WorkflowInstance instance)
    {
        using var record = JsonDocument.Parse(instance.RecordJson);
        return new InstanceView(
            instance.Id, instance.WorkflowCode, instance.WorkflowVersionNumber, instance.RecordType, instance.RecordKey,
            record.RootElement.Clone(), instance.Status, instance.ActingUser, instance.TriggeringEventId, instance.CreatedAt, instance.CompletedAt, instance.ArchivedAt,
            instance.Steps.OrderBy(s => s.StepId.Length).ThenBy(s => s.StepId, StringComparer.Ordinal).Select(InstanceStepView.From).ToList());
    }
}

/// <summary>One step of an instance: where it is, what it is pinned to and, when it failed, why.</summary>
public sealed record InstanceStepView(
    string StepId,
    string? ParentStepId,
    string? NextStepId,
    StepType Type,
    string FunctionName,
    int Sequence,
    StepStatus Status,
    int Activation,
    int Attempts,
    string? Message,
    string? Error,
    Guid? CompletedByEventId,
    string? PluginId,
    string? PluginVersion,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public static InstanceStepView From(InstanceStep step) => new(
        step.StepId, step.ParentStepId, step.NextStepId, step.Type, step.FunctionName, step.Sequence, step.Status, step.Activation, step.Attempts,
        step.Message, step.Error, step.CompletedByEventId, step.PluginId, step.PluginVersion, step.StartedAt, step.CompletedAt);
}
