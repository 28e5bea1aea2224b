using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Turns a stored occurrence into instances and their outbox rows on the caller's context; the
/// caller commits once, so the event, its instances and their jobs appear together or not at all.
/// </summary>
public sealed class EventProcessor(WorkflowMatcher matcher, TimeProvider timeProvider)
{
    public async Task<EventOutcome> ProcessAsync(
        WorkflowRulesDbContext db, ReceivedEvent received, EventOccurrence occurrence, CancellationToken cancellationToken)
    {
        var (matches, errors) = await matcher.MatchAsync(db, occurrence, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var instances = new List<WorkflowInstance>();
        foreach (var match in matches)
        {
            var (instance, outbox) = InstanceFactory.Create(match, occurrence, received.Id, now);
            db.WorkflowInstances.Add(instance);
            db.OutboxMessages.Add(outbox);
            instances.Add(instance);
        }

        received.Status = instances.Count > 0 ? ReceivedEventStatus.Handled : ReceivedEventStatus.Unmatched;
        received.ProcessedAt = now;
        return new EventOutcome(received, instances, errors);
    }
}
