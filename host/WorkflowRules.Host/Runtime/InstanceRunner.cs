using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Runs an instance under its lock: its runnable responses in order, one commit per step, then the oldest event
/// queued behind it, then the responses that event activated, and so on until nothing is left. Safe to run again at
/// any point (Hangfire is at-least-once): completed steps are never re-run, a step left
/// <see cref="StepStatus.Processing"/> by a crash runs again with the same idempotency key. An event handled by
/// another process at the same time makes a commit conflict; the run then reloads and goes on.
/// </summary>
public sealed partial class InstanceRunner(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    ResponseStepExecutor stepExecutor,
    QueuedEventProcessor queuedEvents,
    TimeProvider timeProvider,
    ILogger<InstanceRunner> logger)
{
    /// <summary>Bounds one job: a workflow that loops forever by design is resumed by a later job, not spun here.</summary>
    private const int MaxRounds = 1_000;

    public async Task RunAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                try
                {
                    // A load takes the lock in the same round trip when it is not held: in the first round, and after a
                    // save that released it with its commit then met a conflict.
                    var loaded = !InstanceRunLock.IsHeld(db)
                        ? await InstanceRunLock.LoadUnderLockAsync(db, instanceId, () => LoadAsync(db, instanceId, cancellationToken), cancellationToken)
                        : await LoadAsync(db, instanceId, cancellationToken);
                    if (loaded is null)
                    {
                        LogInstanceMissing(logger, instanceId);
                        return;
                    }

                    if (!await RunRoundAsync(db, loaded, cancellationToken))
                    {
                        return;
                    }
                }
                catch (DbUpdateConcurrencyException)
                {
                    LogConflict(logger, instanceId);
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            await InstanceRunLock.ReleaseAsync(db, instanceId);
        }
    }

    /// <summary>The instance with its steps, and whether events wait behind it, in one query.</summary>
    private static Task<LoadedInstance?> LoadAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances
            .Include(i => i.Steps)
            .Where(i => i.Id == instanceId)
            .Select(i => new LoadedInstance(
                i, db.ReceivedEvents.Any(e => e.QueuedForInstanceId == i.Id && e.Status == ReceivedEventStatus.Pending)))
            .SingleOrDefaultAsync(cancellationToken);

    /// <returns>Whether there may be more to do.</returns>
    private async Task<bool> RunRoundAsync(WorkflowRulesDbContext db, LoadedInstance loaded, CancellationToken cancellationToken)
    {
        var instance = loaded.Instance;
        var raisedEvents = false;

        // An archived instance runs nothing more, but events its last responses raised may still wait behind it.
        if (instance.ArchivedAt is null)
        {
            while (instance.Status == InstanceStatus.Running && StepActivation.NextRunnable(instance) is { } next)
            {
                raisedEvents |= await stepExecutor.ExecuteAsync(db, instance, next, runEndsWhenIdle: !loaded.EventsWaiting, cancellationToken)
                    == StepRun.CompletedWithEvents;
                if (instance.Status == InstanceStatus.Completed)
                {
                    LogInstanceCompleted(logger, instance.Id, instance.WorkflowCode);
                }
            }

            if (instance.Status == InstanceStatus.Running && StepActivation.CompleteIfFinished(instance, timeProvider.GetUtcNow()))
            {
                await db.SaveChangesAsync(cancellationToken);
                LogInstanceCompleted(logger, instance.Id, instance.WorkflowCode);
            }

            if (instance.Status == InstanceStatus.Failed)
            {
                return false; // Events queued behind it wait for the retry.
            }
        }

        // Events wait behind completed instances too: they may start or move others. An event queued by anyone else
        // after the load came with a run request of its own, so nothing waits unseen when this one stops here.
        if (!loaded.EventsWaiting && !raisedEvents)
        {
            return false;
        }

        return await queuedEvents.ProcessNextAsync(db, instance.Id, cancellationToken);
    }

    /// <param name="Instance">The instance, tracked, with its steps.</param>
    /// <param name="EventsWaiting">Whether events were queued behind the instance when it was loaded.</param>
    private sealed record LoadedInstance(WorkflowInstance Instance, bool EventsWaiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} does not exist (deleted?); the job has nothing to do.")]
    private static partial void LogInstanceMissing(ILogger logger, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} of workflow {WorkflowCode} completed.")]
    private static partial void LogInstanceCompleted(ILogger logger, Guid instanceId, string workflowCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} was changed by an event handled elsewhere while it ran; reloading it.")]
    private static partial void LogConflict(ILogger logger, Guid instanceId);
}
