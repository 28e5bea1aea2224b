namespace WorkflowRules.Persistence.Approvals;

/// <summary>
/// One approver's part of an approval request for a record, owned by the workflow instance that created it. Conditions
/// read the approval state from these rows (pending = created + open), so a workflow can tell the last approval from
/// "more to go".
/// </summary>
public sealed class ApprovalEntry
{
    public Guid Id { get; set; }

    /// <summary>The instance that created it; approval events on it continue that instance.</summary>
    public Guid? InstanceId { get; set; }

    public required string RecordType { get; set; }

    public required string RecordKey { get; set; }

    /// <summary>Entries are answered in ascending sequence; entries sharing one are answered in parallel.</summary>
    public int SequenceNo { get; set; }

    public required string Approver { get; set; }

    public ApprovalEntryStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic concurrency token.</summary>
    public uint RowVersion { get; set; }
}
