using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
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
        await InstanceLock.AcquireAsync(db, instanceId, cancellationToken);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                try
                {
                    if (!await RunRoundAsync(db, instanceId, cancellationToken))
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
            await InstanceLock.ReleaseAsync(db, instanceId);
        }
    }

    /// <returns>Whether there may be more to do.</returns>
    private async Task<bool> RunRoundAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            LogInstanceMissing(logger, instanceId);
            return false;
        }

        // An archived instance runs nothing more, but events its last responses raised may still wait behind it.
        if (instance.ArchivedAt is null)
        {
            while (instance.Status == InstanceStatus.Running && StepActivation.NextRunnable(instance) is { } next)
            {
                await stepExecutor.ExecuteAsync(db, instance, next, cancellationToken);
                if (instance.Status == InstanceStatus.Completed)
                {
                    LogInstanceCompleted(logger, instanceId, instance.WorkflowCode);
                }
            }

            if (instance.Status == InstanceStatus.Running && StepActivation.CompleteIfFinished(instance, timeProvider.GetUtcNow()))
            {
                await db.SaveChangesAsync(cancellationToken);
                LogInstanceCompleted(logger, instanceId, instance.WorkflowCode);
            }

            if (instance.Status == InstanceStatus.Failed)
            {
                return false; // Events queued behind it wait for the retry.
            }
        }

        // Events wait behind completed instances too: they may start or move others.
        return await queuedEvents.ProcessNextAsync(db, instanceId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} does not exist (deleted?); the job has nothing to do.")]
    private static partial void LogInstanceMissing(ILogger logger, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} of workflow {WorkflowCode} completed.")]
    private static partial void LogInstanceCompleted(ILogger logger, Guid instanceId, string workflowCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} was changed by an event handled elsewhere while it ran; reloading it.")]
    private static partial void LogConflict(ILogger logger, Guid instanceId);
}
