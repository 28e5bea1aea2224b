using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Events;

/// <summary>
/// Accepts an occurrence: validates it against the event's record type, then stores the event, the instances it
/// moves on or starts and their outbox rows in one commit. Invalid input stores nothing.
/// </summary>
public sealed class EventIntake(
    IPluginCatalog catalog,
    EventProcessor processor,
    EnabledWorkflowIndex index,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider)
{
    /// <summary>How often an occurrence is decided again when an instance it moves changed meanwhile.</summary>
    private const int MaxAttempts = 5;

    public async Task<EventIntakeResult> AcceptAsync(
        EventRequest request, ClaimsPrincipal caller, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        using var lease = catalog.Acquire();
        var (occurrence, error) = Read(request, caller, lease.Snapshot);
        if (occurrence is null)
        {
            return error!;
        }

        // One connection for the whole decision (stamp read, look-ups, commit) instead of one from the pool per command.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            // The first attempt decides from the enabled workflows held in memory and stores their stamp with the
            // event, which the database refuses if they changed meanwhile; a later attempt reads the stamp first.
            var enabled = attempt == 1
                ? await index.GetUnverifiedSnapshotAsync(db, cancellationToken)
                : await index.GetSnapshotAsync(db, cancellationToken);
            var received = NewReceivedEvent(occurrence, request.IdempotencyKey, enabled.Stamp, now);
            db.ReceivedEvents.Add(received);
            var plan = await processor.PlanAsync(db, occurrence, lease.Snapshot, enabled, cancellationToken);
            var started = processor.Apply(db, received, occurrence, plan, lease.Snapshot);
            try
            {
                // An event that only starts instances is inserts only: one round trip, no transaction of EF's own.
                await db.SaveChangesInOneRoundTripAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // An instance this event moves was moved by another event or job at the same time: decide again.
                continue;
            }
            catch (DbUpdateException exception) when (CatalogStampGuard.IsStale(exception))
            {
                // A workflow was created, changed, enabled or disabled since this process last read them: decide again.
                if (attempt < MaxAttempts)
                {
                    continue;
                }

                throw;
            }
            catch (DbUpdateException exception) when (request.IdempotencyKey is not null && exception is not DbUpdateConcurrencyException)
            {
                // The key was accepted before (a retry) or concurrently: nothing of this attempt was stored; answer with
                // the first outcome. Not looked up beforehand: that read would cost every event a round trip for the
                // benefit of the rare retry.
                db.ChangeTracker.Clear();
                var first = await FindExistingAsync(db, request.IdempotencyKey, cancellationToken);
                return first is null ? throw new InvalidOperationException("An event with this idempotency key could not be stored or read.") : EventIntakeResult.Replayed(first);
            }

            if (received.Status == ReceivedEventStatus.Pending || started.Count > 0 || plan.Continuations.Count > 0)
            {
                outboxSignal.Notify();
            }

            return EventIntakeResult.Accepted(EventOutcomeView.From(received, started, plan.Continuations, plan.Errors));
        }
    }

    /// <summary>What the event would do now, without storing or changing anything.</summary>
    public async Task<(EventPreviewView? Preview, EventIntakeResult? Error)> PreviewAsync(
        EventRequest request, ClaimsPrincipal caller, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        using var lease = catalog.Acquire();
        var (occurrence, error) = Read(request, caller, lease.Snapshot);
        if (occurrence is null)
        {
            return (null, error);
        }

        var plan = await processor.PlanAsync(db, occurrence, lease.Snapshot, await index.GetSnapshotAsync(db, cancellationToken), cancellationToken);
        db.ChangeTracker.Clear();
        return (EventPreviewView.From(plan), null);
    }

    private (EventOccurrence? Occurrence, EventIntakeResult? Error) Read(EventRequest request, ClaimsPrincipal caller, CatalogSnapshot snapshot)
    {
        if (string.IsNullOrWhiteSpace(request.Event))
        {
            return (null, EventIntakeResult.Invalid("event", "Name the event (GET /api/catalog/events lists them)."));
        }

        if (!snapshot.Events.TryGetValue(request.Event, out var descriptor))
        {
            return (null, EventIntakeResult.Invalid("event", $"Event '{request.Event}' is not offered by any loaded plugin (GET /api/catalog/events lists them)."));
        }

        var parsed = Parse(request, descriptor);
        if (parsed.Error is { } error)
        {
            return (null, error);
        }

        return (new EventOccurrence(
            descriptor, parsed.Record!, parsed.Previous,
            descriptor.RecordType.Serialize(parsed.Record!),
            parsed.Previous is null ? null : descriptor.RecordType.Serialize(parsed.Previous),
            string.IsNullOrWhiteSpace(request.User) ? caller.Identity?.Name ?? "unknown" : request.User.Trim(),
            request.OccurredAt ?? timeProvider.GetUtcNow()), null);
    }

    private static ReceivedEvent NewReceivedEvent(EventOccurrence occurrence, string? idempotencyKey, long catalogStamp, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        EventName = occurrence.Event.FunctionName,
        RecordType = occurrence.Event.RecordType.Name,
        RecordKey = occurrence.RecordKey,
        RecordJson = occurrence.RecordJson,
        PreviousRecordJson = occurrence.PreviousRecordJson,
        ActingUser = occurrence.ActingUser,
        OccurredAt = occurrence.OccurredAt,
        ReceivedAt = now,
        IdempotencyKey = idempotencyKey,
        CatalogStamp = catalogStamp,
    };

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
        return EventOutcomeView.From(received, instances, [], []);
    }
}
