namespace WorkflowRules.Persistence.Instances;

/// <summary>One run of a workflow version for one record.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public Guid WorkflowVersionId { get; set; }

    public required string WorkflowCode { get; set; }

    public int WorkflowVersionNumber { get; set; }

    public required string RecordType { get; set; }

    public required string RecordKey { get; set; }

    /// <summary>The record as the responses left it (jsonb).</summary>
    public required string RecordJson { get; set; }

    public string? PreviousRecordJson { get; set; }

    public Guid TriggeringEventId { get; set; }

    public required string ActingUser { get; set; }

    public InstanceStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic concurrency token.</summary>
    public uint RowVersion { get; set; }

    public List<InstanceStep> Steps { get; set; } = [];
}
