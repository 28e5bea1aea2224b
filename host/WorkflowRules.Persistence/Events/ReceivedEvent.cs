namespace WorkflowRules.Persistence.Events;

/// <summary>An event occurrence as it was accepted, kept as the audit trail of what started or moved instances.</summary>
public sealed class ReceivedEvent
{
    public Guid Id { get; set; }

    public required string EventName { get; set; }

    public required string RecordType { get; set; }

    public required string RecordKey { get; set; }

    /// <summary>The record as validated JSON (jsonb).</summary>
    public required string RecordJson { get; set; }

    public string? PreviousRecordJson { get; set; }

    public required string ActingUser { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Caller-supplied (or, for raised events, derived) key; unique, so a retried post or response stores the event once.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The instance whose response raised this event, or null for events posted over HTTP.</summary>
    public Guid? RaisedByInstanceId { get; set; }

    /// <summary>
    /// The instance this event waits behind while it is Pending: events raised by its responses, and events that
    /// arrived while its responses ran, are handled once they are done (never in between).
    /// </summary>
    public Guid? QueuedForInstanceId { get; set; }

    public ReceivedEventStatus Status { get; set; }

    /// <summary>
    /// The workflow catalog stamp (<see cref="Workflows.WorkflowCatalogStamp"/>) the event was decided against, set by
    /// intake. A trigger refuses the insert with <see cref="Workflows.CatalogStampGuard.StaleSqlState"/> when the
    /// stamp has moved since, so a decision taken from enabled workflows held in memory never lands after a change it
    /// did not see, without a read of the stamp before every event.
    /// </summary>
    public long? CatalogStamp { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
