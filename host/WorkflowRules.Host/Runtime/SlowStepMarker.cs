using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Shows a response that takes long as <see cref="StepStatus.Processing"/> while it runs, and leaves the fast ones
/// alone. A response that finishes within <see cref="MarkAfter"/> (most: they change the record in memory) goes from
/// <see cref="StepStatus.Active"/> to its outcome in one commit; a mark of its own before every response would cost
/// each step a commit and two round trips for a state nobody could see. A response still running after
/// <see cref="MarkAfter"/> is marked then, on a connection of its own, with its attempt counted.
/// </summary>
/// <remarks>
/// Crash recovery does not depend on the mark: a step left <see cref="StepStatus.Active"/> or
/// <see cref="StepStatus.Processing"/> by a process that died runs again with the same idempotency key. What a crash
/// within <see cref="MarkAfter"/> loses is only the count of that attempt.
/// </remarks>
public sealed partial class SlowStepMarker(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    TimeProvider timeProvider,
    ILogger<SlowStepMarker> logger)
{
    /// <summary>How long a response runs before it is shown as processing.</summary>
    public static readonly TimeSpan MarkAfter = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Marks <paramref name="step"/> (whose status, attempts and start are already set in memory) processing in the
    /// database if it is still running after <see cref="MarkAfter"/>. Dispose the result when the response returned,
    /// before its outcome is saved: that waits for a mark under way, so the outcome is always written last.
    /// </summary>
    public IAsyncDisposable MarkIfSlow(InstanceStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var (stepId, attempts, startedAt) = (step.Id, step.Attempts, step.StartedAt ?? timeProvider.GetUtcNow());
        return new PendingMark(finished => MarkAsync(stepId, attempts, startedAt, finished));
    }

    private async Task MarkAsync(Guid stepId, int attempts, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(MarkAfter, timeProvider, cancellationToken);
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            // Only while it is still running: an outcome saved meanwhile (by a run elsewhere) is never overwritten.
            await db.InstanceSteps
                .Where(s => s.Id == stepId && (s.Status == StepStatus.Active || s.Status == StepStatus.Processing))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(s => s.Status, StepStatus.Processing).SetProperty(s => s.Attempts, attempts)
                        .SetProperty(s => s.StartedAt, startedAt).SetProperty(s => s.Error, (string?)null),
                    cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The response finished first: the usual case.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only the display of a running step is lost; its outcome is saved as usual.
            LogMarkFailed(logger, e, stepId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not show step {StepId} as processing while its response runs")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, Guid stepId);

    private sealed class PendingMark : IAsyncDisposable
    {
        private readonly CancellationTokenSource _finished = new();
        private readonly Task _mark;

        public PendingMark(Func<CancellationToken, Task> mark)
        {
            _mark = mark(_finished.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _finished.CancelAsync();
            await _mark;
            _finished.Dispose();
        }
    }
}
