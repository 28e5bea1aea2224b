using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Runs an instance's active responses in order, one commit per step, then the events they raised.
/// Safe to run again at any point (Hangfire is at-least-once): completed steps are never re-run,
/// a step left <see cref="StepStatus.Processing"/> by a crash is run again with the same idempotency key.
/// </summary>
public sealed partial class InstanceRunner(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    ResponseStepExecutor stepExecutor,
    QueuedEventProcessor queuedEvents,
    TimeProvider timeProvider,
    ILogger<InstanceRunner> logger)
{
    public async Task RunAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        await InstanceLock.AcquireAsync(db, instanceId, cancellationToken);
        try
        {
            if (await RunResponsesAsync(db, instanceId, cancellationToken))
            {
                await queuedEvents.ProcessAsync(db, instanceId, cancellationToken);
            }
        }
        finally
        {
            await InstanceLock.ReleaseAsync(db, instanceId);
        }
    }

    /// <summary>
    /// Runs what is runnable. Loads the instance once: under the lock nobody else changes it, and each step's
    /// commit leaves the tracked entities current.
    /// </summary>
    /// <returns>Whether raised events may be waiting: this run raised some, or an earlier run may have.</returns>
    private async Task<bool> RunResponsesAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            LogInstanceMissing(logger, instanceId);
            return false;
        }

        // A fresh instance has run no response yet, so no earlier run can have left raised events behind.
        var mayHaveEarlierEvents = instance.Steps.Any(s => s.Type == StepType.Response && s.Status is not (StepStatus.Active or StepStatus.Inactive));
        var raisedEvents = false;
        while (instance.Status == InstanceStatus.Running)
        {
            if (ResponseOrder.NextRunnable(instance) is not { } next)
            {
                if (ResponseOrder.IsFinished(instance))
                {
                    instance.Status = InstanceStatus.Completed;
                    instance.CompletedAt = timeProvider.GetUtcNow();
                    await db.SaveChangesAsync(cancellationToken);
                    LogInstanceCompleted(logger, instanceId, instance.WorkflowCode);
                }

                break;
            }

            var run = await stepExecutor.ExecuteAsync(db, instance, next, cancellationToken);
            raisedEvents |= run == StepRun.CompletedWithEvents;
            if (instance.Status == InstanceStatus.Completed)
            {
                LogInstanceCompleted(logger, instanceId, instance.WorkflowCode);
            }
        }

        return raisedEvents || mayHaveEarlierEvents;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} does not exist (deleted?); the job has nothing to do.")]
    private static partial void LogInstanceMissing(ILogger logger, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} of workflow {WorkflowCode} completed.")]
    private static partial void LogInstanceCompleted(ILogger logger, Guid instanceId, string workflowCode);
}
