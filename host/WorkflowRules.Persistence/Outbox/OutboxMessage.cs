namespace WorkflowRules.Persistence.Outbox;

/// <summary>
/// A job to hand to Hangfire, written in the same transaction as the state change that needs it.
/// The dispatcher enqueues it and stamps <see cref="DispatchedAt"/>; a crash in between enqueues it
/// again, which the idempotent job tolerates.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public OutboxMessageKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public string? JobId { get; set; }
}
