using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Handles the events an instance's responses raised, after those responses ran (BC's event queue).
/// Each event is matched and marked handled in one commit, under the instance's lock.
/// </summary>
public sealed partial class QueuedEventProcessor(
    IPluginCatalog catalog,
    EventProcessor processor,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider,
    ILogger<QueuedEventProcessor> logger)
{
    public async Task ProcessAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var pending = await db.ReceivedEvents
            .Where(e => e.RaisedByInstanceId == instanceId && e.Status == ReceivedEventStatus.Pending)
            .OrderBy(e => e.ReceivedAt).ThenBy(e => e.IdempotencyKey)
            .ToListAsync(cancellationToken);
        foreach (var received in pending)
        {
            using var lease = catalog.Acquire();
            if (!lease.Snapshot.Events.TryGetValue(received.EventName, out var descriptor))
            {
                received.Status = ReceivedEventStatus.Unmatched;
                received.ProcessedAt = timeProvider.GetUtcNow();
                LogEventUnavailable(logger, received.Id, received.EventName);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var occurrence = new EventOccurrence(
                descriptor, StoredRecord.Parse(descriptor.RecordType, received.RecordJson),
                received.PreviousRecordJson is null ? null : StoredRecord.Parse(descriptor.RecordType, received.PreviousRecordJson),
                received.RecordJson, received.PreviousRecordJson, received.ActingUser, received.OccurredAt);
            var outcome = await processor.ProcessAsync(db, received, occurrence, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (outcome.StartedInstances.Count > 0)
            {
                outboxSignal.Notify();
            }
        }
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued event {EventId} ({EventName}) was dropped: no loaded plugin offers the event any more.")]
    private static partial void LogEventUnavailable(ILogger logger, Guid eventId, string eventName);
}
