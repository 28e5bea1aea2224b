namespace WorkflowRules.Persistence.Instances;

/// <summary>
/// One run of a workflow version for one record. Its steps are a private copy of the definition (sub-workflows
/// inlined), so what it does never changes under it. Completed and removed instances are archived: read-only.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    /// <summary>The version it started on; null only once the workflow was deleted (archived instances outlive it).</summary>
    public Guid? WorkflowVersionId { get; set; }

    public required string WorkflowCode { get; set; }

    public int WorkflowVersionNumber { get; set; }

    public required string RecordType { get; set; }

    public required string RecordKey { get; set; }

    /// <summary>The record as the responses left it (jsonb).</summary>
    public required string RecordJson { get; set; }

    public string? PreviousRecordJson { get; set; }

    /// <summary>The record as the triggering event carried it; kept only once a response changed the record.</summary>
    public string? OriginalRecordJson { get; set; }

    public Guid TriggeringEventId { get; set; }

    public required string ActingUser { get; set; }

    public InstanceStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Set by every change of the instance or its steps, so concurrent changes conflict on <see cref="RowVersion"/>.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it was archived (completed or removed); archived instances are read-only.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic concurrency token.</summary>
    public uint RowVersion { get; set; }

    public List<InstanceStep> Steps { get; set; } = [];
}
