using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Handles the oldest event waiting behind an instance (raised by its responses, or arrived while they ran — BC's
/// event queue) once the instance's responses are done: decided afresh and applied in one commit, under the
/// instance's lock. It may move the instance on, start others, or wait again behind another busy instance.
/// </summary>
public sealed partial class QueuedEventProcessor(
    IPluginCatalog catalog,
    EventProcessor processor,
    EnabledWorkflowIndex index,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider,
    ILogger<QueuedEventProcessor> logger)
{
    /// <returns>Whether an event was handled (false: none waits).</returns>
    public async Task<bool> ProcessNextAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var received = await db.ReceivedEvents
            .Where(e => e.QueuedForInstanceId == instanceId && e.Status == ReceivedEventStatus.Pending)
            .OrderBy(e => e.ReceivedAt).ThenBy(e => e.IdempotencyKey).ThenBy(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (received is null)
        {
            return false;
        }

        using var lease = catalog.Acquire();
        if (!lease.Snapshot.Events.TryGetValue(received.EventName, out var descriptor))
        {
            received.Status = ReceivedEventStatus.Unmatched;
            received.QueuedForInstanceId = null;
            received.ProcessedAt = timeProvider.GetUtcNow();
            LogEventUnavailable(logger, received.Id, received.EventName);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var occurrence = new EventOccurrence(
            descriptor, StoredRecord.Parse(descriptor.RecordType, received.RecordJson),
            received.PreviousRecordJson is null ? null : StoredRecord.Parse(descriptor.RecordType, received.PreviousRecordJson),
            received.RecordJson, received.PreviousRecordJson, received.ActingUser, received.OccurredAt);
        var plan = await processor.PlanAsync(db, occurrence, lease.Snapshot, await index.GetSnapshotAsync(db, cancellationToken), cancellationToken);
        if (plan.QueueBehind?.Id == instanceId)
        {
            return false; // The instance is busy again (a retry is pending): the event waits for its next run.
        }

        processor.Apply(db, received, occurrence, plan, lease.Snapshot);
        await db.SaveChangesAsync(cancellationToken);
        outboxSignal.Notify();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued event {EventId} ({EventName}) was dropped: no loaded plugin offers the event any more.")]
    private static partial void LogEventUnavailable(ILogger logger, Guid eventId, string eventName);
}
