using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Outbox;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// Hands outbox rows to Hangfire. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// hosts never enqueue the same row at once; a crash after enqueueing but before stamping the row
/// enqueues it again later, which the idempotent job tolerates. Nothing is lost either way. The instances of
/// one claim share jobs (<see cref="JobBatches"/>): a lone row gets a <see cref="RunInstanceJob"/>, several
/// a <see cref="RunInstancesJob"/> each. After a claim that found rows the dispatcher waits
/// <see cref="JobsOptions.OutboxGatherDelay"/> and claims again, so under steady intake claims hold several rows; after
/// one that found none it waits for a signal (a commit here, or <see cref="OutboxWakeListener"/>) or the sweep. Runs in
/// the hosts with workers (<see cref="JobsOptions.DispatchesOutbox"/>), which also pick up the rows of API-only hosts.
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
            var dispatched = 0;
            try
            {
                int claimed;
                do
                {
                    claimed = await DispatchBatchAsync(stoppingToken);
                    dispatched += claimed;
                }
                while (claimed == BatchSize);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: keep the rows and try again at the next sweep.
                LogDispatchFailed(logger, exception);
            }

            try
            {
                if (dispatched > 0)
                {
                    // Busy: let the next rows gather, so that they share jobs instead of getting one each, then claim
                    // again unasked. Rows of API-only hosts come without a signal (they announce them sparingly), and
                    // this keeps taking them while they keep coming.
                    await Task.Delay(options.Value.OutboxGatherDelay, stoppingToken);
                    continue;
                }

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
        if (messages.FirstOrDefault(m => m.Kind != OutboxMessageKind.RunInstance) is { } unknown)
        {
            throw new InvalidOperationException($"Outbox message {unknown.Id} has an unknown kind {unknown.Kind}.");
        }

        var jobs = options.Value;
        // An API-only host told to dispatch enqueues for other hosts' workers, whom a stream of claims keeps busy; a
        // claim is split for this host's own workers only.
        var parallelJobs = Math.Max(1, jobs.WorkerCount);
        var jobIds = new Dictionary<Guid, string>();
        foreach (var batch in JobBatches.Split(messages.Select(m => m.InstanceId), jobs.InstancesPerJob, parallelJobs))
        {
            var jobId = batch is [var instanceId]
                ? jobClient.Enqueue<RunInstanceJob>(job => job.RunAsync(instanceId, CancellationToken.None))
                : jobClient.Enqueue<RunInstancesJob>(job => job.RunAsync(batch, CancellationToken.None));
            foreach (var id in batch)
            {
                jobIds[id] = jobId;
            }
        }

        var now = timeProvider.GetUtcNow();
        foreach (var message in messages)
        {
            message.JobId = jobIds[message.InstanceId];
            message.DispatchedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching the outbox failed; the rows stay and are retried at the next sweep.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
