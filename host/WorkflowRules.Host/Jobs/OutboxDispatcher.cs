using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Outbox;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// Hands outbox rows to Hangfire. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// hosts never enqueue the same row at once; a crash after enqueueing but before stamping the row
/// enqueues it again later, which the idempotent job tolerates. Nothing is lost either way.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    IBackgroundJobClient jobClient,
    OutboxSignal signal,
    IOptions<JobsOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: keep the rows and try again at the next sweep.
                LogDispatchFailed(logger, exception);
            }

            try
            {
                await signal.WaitAsync(options.Value.OutboxSweepInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = await db.OutboxMessages
            .FromSql($"SELECT * FROM workflow.outbox_messages WHERE dispatched_at IS NULL ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.JobId = message.Kind switch
            {
                OutboxMessageKind.RunInstance => jobClient.Enqueue<RunInstanceJob>(job => job.RunAsync(message.InstanceId, CancellationToken.None)),
                _ => throw new InvalidOperationException($"Outbox message {message.Id} has an unknown kind {message.Kind}."),
            };
            message.DispatchedAt = timeProvider.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching the outbox failed; the rows stay and are retried at the next sweep.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
