using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Events;

/// <summary>
/// Accepts an occurrence: validates it against the event's record type, then stores the event, the
/// instances it starts and their outbox rows in one commit. Invalid input stores nothing.
/// </summary>
public sealed class EventIntake(
    IPluginCatalog catalog,
    EventProcessor processor,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider)
{
    public async Task<EventIntakeResult> AcceptAsync(
        EventRequest request, ClaimsPrincipal caller, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Event))
        {
            return EventIntakeResult.Invalid("event", "Name the event (GET /api/catalog/events lists them).");
        }

        using var lease = catalog.Acquire();
        if (!lease.Snapshot.Events.TryGetValue(request.Event, out var descriptor))
        {
            return EventIntakeResult.Invalid("event", $"Event '{request.Event}' is not offered by any loaded plugin (GET /api/catalog/events lists them).");
        }

        var parsed = Parse(request, descriptor);
        if (parsed.Error is { } error)
        {
            return error;
        }

        var now = timeProvider.GetUtcNow();
        var occurrence = new EventOccurrence(
            descriptor, parsed.Record!, parsed.Previous,
            descriptor.RecordType.Serialize(parsed.Record!),
            parsed.Previous is null ? null : descriptor.RecordType.Serialize(parsed.Previous),
            string.IsNullOrWhiteSpace(request.User) ? caller.Identity?.Name ?? "unknown" : request.User.Trim(),
            request.OccurredAt ?? now);
        var received = new ReceivedEvent
        {
            Id = Guid.NewGuid(),
            EventName = descriptor.FunctionName,
            RecordType = descriptor.RecordType.Name,
            RecordKey = occurrence.RecordKey,
            RecordJson = occurrence.RecordJson,
            PreviousRecordJson = occurrence.PreviousRecordJson,
            ActingUser = occurrence.ActingUser,
            OccurredAt = occurrence.OccurredAt,
            ReceivedAt = now,
            IdempotencyKey = request.IdempotencyKey,
        };
        db.ReceivedEvents.Add(received);
        var outcome = await processor.ProcessAsync(db, received, occurrence, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (request.IdempotencyKey is not null)
        {
            // The key was accepted before (a retry) or concurrently: nothing of this attempt was stored; answer with
            // the first outcome. Not looked up beforehand: that read would cost every event a round trip for the
            // benefit of the rare retry.
            db.ChangeTracker.Clear();
            var first = await FindExistingAsync(db, request.IdempotencyKey, cancellationToken);
            return first is null ? throw new InvalidOperationException("An event with this idempotency key could not be stored or read.") : EventIntakeResult.Replayed(first);
        }

        if (outcome.StartedInstances.Count > 0)
        {
            outboxSignal.Notify();
        }

        return EventIntakeResult.Accepted(EventOutcomeView.From(received, outcome.StartedInstances, outcome.ConditionErrors));
    }

    private static (object? Record, object? Previous, EventIntakeResult? Error) Parse(EventRequest request, EventDescriptor descriptor)
    {
        if (request.Record is not { ValueKind: JsonValueKind.Object } recordJson)
        {
            return (null, null, EventIntakeResult.Invalid("record", $"Send the record as a JSON object of type {descriptor.RecordType.Name}."));
        }

        var record = descriptor.RecordType.Parse(recordJson);
        if (!record.Succeeded)
        {
            return (null, null, EventIntakeResult.Invalid("record", record.Errors));
        }

        if (request.PreviousRecord is not { ValueKind: not JsonValueKind.Null } previousJson)
        {
            return (record.Value, null, null);
        }

        if (!descriptor.CarriesPreviousRecord)
        {
            return (null, null, EventIntakeResult.Invalid("previousRecord", $"Event '{descriptor.FunctionName}' does not carry a previous record; leave it out."));
        }

        var previous = descriptor.RecordType.Parse(previousJson);
        return previous.Succeeded
            ? (record.Value, previous.Value, null)
            : (null, null, EventIntakeResult.Invalid("previousRecord", previous.Errors));
    }

    private static async Task<EventOutcomeView?> FindExistingAsync(WorkflowRulesDbContext db, string idempotencyKey, CancellationToken cancellationToken)
    {
        var received = await db.ReceivedEvents.AsNoTracking().SingleOrDefaultAsync(e => e.IdempotencyKey == idempotencyKey, cancellationToken);
        if (received is null)
        {
            return null;
        }

        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.TriggeringEventId == received.Id).ToListAsync(cancellationToken);
        return EventOutcomeView.From(received, instances, []);
    }
}
