using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Decides what an occurrence does (<see cref="PlanAsync"/>) and applies it to the caller's context
/// (<see cref="Apply"/>); the caller commits once, so the event, the instances it moves or starts and their jobs
/// appear together or not at all. Continuing running instances comes first; only an occurrence that continues none
/// starts workflows. When any instance it would continue is still running responses, the occurrence waits behind it
/// and is decided afresh once they are done — responses of one instance never interleave with an event's handling.
/// </summary>
public sealed class EventProcessor(
    ContinuationFinder continuations,
    WorkflowMatcher matcher,
    InstanceFactory factory,
    TimeProvider timeProvider)
{
    /// <summary>Decides against <paramref name="enabled"/>, the enabled workflows as <see cref="EnabledWorkflowIndex"/> serves them.</summary>
    public async Task<EventPlan> PlanAsync(
        WorkflowRulesDbContext db, EventOccurrence occurrence, CatalogSnapshot catalog, EnabledWorkflowSet enabled, CancellationToken cancellationToken)
    {
        var errors = new List<ConditionError>();
        var moved = new List<Continuation>();
        if (enabled.ContinuationEvents.Contains(occurrence.Event.FunctionName))
        {
            var waiting = await continuations.FindWaitingAsync(db, occurrence, catalog, cancellationToken);
            if (waiting.FirstOrDefault(StepActivation.IsBusy) is { } busy)
            {
                return new EventPlan([], busy, [], errors, enabled);
            }

            foreach (var instance in waiting.Where(i => i.Steps.Any(s => s.Type == StepType.Event && s.Status == StepStatus.Active)))
            {
                if (await continuations.MatchAsync(db, instance, occurrence, errors, cancellationToken) is { } step)
                {
                    moved.Add(new Continuation(instance, step));
                }
            }
        }

        var starts = moved.Count > 0 ? [] : await matcher.MatchAsync(db, enabled, occurrence, errors, cancellationToken);
        return new EventPlan(moved, null, starts, errors, enabled);
    }

    /// <returns>The instances started (an event whose sub-workflows cannot be inlined adds to <see cref="EventPlan.Errors"/> instead).</returns>
    public List<WorkflowInstance> Apply(WorkflowRulesDbContext db, ReceivedEvent received, EventOccurrence occurrence, EventPlan plan, CatalogSnapshot catalog)
    {
        var now = timeProvider.GetUtcNow();
        received.ProcessedAt = now;
        if (plan.QueueBehind is { } busy)
        {
            received.Status = ReceivedEventStatus.Pending;
            received.QueuedForInstanceId = busy.Id;
            db.OutboxMessages.Add(InstanceFactory.RunRequest(busy.Id, now));
            return [];
        }

        received.QueuedForInstanceId = null;
        foreach (var (instance, step) in plan.Continuations)
        {
            Continue(db, instance, step, received.Id, occurrence, now);
        }

        var started = new List<WorkflowInstance>();
        foreach (var match in plan.Starts)
        {
            try
            {
                var (instance, outbox) = factory.Create(match, occurrence, received.Id, plan.Enabled, catalog, now);
                db.WorkflowInstances.Add(instance);
                if (outbox is not null)
                {
                    db.OutboxMessages.Add(outbox);
                }

                started.Add(instance);
            }
            catch (InvalidOperationException exception)
            {
                plan.Errors.Add(new ConditionError(match.Workflow.Code, match.Version.Number, exception.Message));
            }
        }

        received.Status = plan.Continuations.Count > 0 || started.Count > 0 ? ReceivedEventStatus.Handled : ReceivedEventStatus.Unmatched;
        return started;
    }

    private static void Continue(WorkflowRulesDbContext db, WorkflowInstance instance, InstanceStep step, Guid eventId, EventOccurrence occurrence, DateTimeOffset now)
    {
        // The event carries the record's latest state; an event on a related record (an approval entry) leaves it.
        if (instance.RecordType == occurrence.Event.RecordType.Name && instance.RecordKey == occurrence.RecordKey)
        {
            instance.RecordJson = occurrence.RecordJson;
            instance.PreviousRecordJson = occurrence.PreviousRecordJson;
        }

        StepActivation.CompleteEvent(instance, step, eventId, now);
        if (!StepActivation.CompleteIfFinished(instance, now) && StepActivation.NextRunnable(instance) is not null)
        {
            db.OutboxMessages.Add(InstanceFactory.RunRequest(instance.Id, now));
        }
    }
}
