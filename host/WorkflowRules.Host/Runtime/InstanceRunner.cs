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
            await RunResponsesAsync(db, instanceId, cancellationToken);
            await queuedEvents.ProcessAsync(db, instanceId, cancellationToken);
        }
        finally
        {
            await InstanceLock.ReleaseAsync(db, instanceId);
        }
    }

    private async Task RunResponsesAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            db.ChangeTracker.Clear();
            var instance = await db.WorkflowInstances.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is null)
            {
                LogInstanceMissing(logger, instanceId);
                return;
            }

            if (instance.Status != InstanceStatus.Running)
            {
                return;
            }

            var next = NextRunnableStep(instance);
            if (next is null)
            {
                if (!instance.Steps.Any(s => s.Status is StepStatus.Active or StepStatus.Processing))
                {
                    instance.Status = InstanceStatus.Completed;
                    instance.CompletedAt = timeProvider.GetUtcNow();
                    await db.SaveChangesAsync(cancellationToken);
                    LogInstanceCompleted(logger, instanceId, instance.WorkflowCode);
                }

                return;
            }

            if (!await stepExecutor.ExecuteAsync(db, instance, next, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>The first active response whose predecessor is done: responses of a chain run strictly in order.</summary>
    private static InstanceStep? NextRunnableStep(WorkflowInstance instance)
    {
        var byId = instance.Steps.ToDictionary(s => s.StepId, StringComparer.Ordinal);
        return instance.Steps
            .Where(s => s.Type == StepType.Response && s.Status is StepStatus.Active or StepStatus.Processing)
            .Where(s => s.ParentStepId is not null && byId.TryGetValue(s.ParentStepId, out var parent) && parent.Status == StepStatus.Completed)
            .OrderBy(s => s.Sequence)
            .FirstOrDefault();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} does not exist (deleted?); the job has nothing to do.")]
    private static partial void LogInstanceMissing(ILogger logger, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} of workflow {WorkflowCode} completed.")]
    private static partial void LogInstanceCompleted(ILogger logger, Guid instanceId, string workflowCode);
}
