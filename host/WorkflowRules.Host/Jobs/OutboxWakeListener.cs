using Microsoft.Extensions.Options;
using Npgsql;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// Runs beside the <see cref="OutboxDispatcher"/>: listens on <see cref="Channel"/>, where hosts that leave their
/// outbox rows to others (<see cref="OutboxWakeNotifier"/>) announce new rows, and wakes the dispatcher at once. Its
/// connection is a dedicated, unpooled one (a pooled connection is handed back without a reset, so a LISTEN would
/// outlive its listener). When the connection drops (a PostgreSQL restart), it connects again; meanwhile the sweep
/// (<see cref="JobsOptions.OutboxSweepInterval"/>) picks the rows up.
/// </summary>
public sealed partial class OutboxWakeListener(
    string connectionString,
    OutboxSignal signal,
    IOptions<JobsOptions> options,
    ILogger<OutboxWakeListener> logger) : BackgroundService
{
    /// <summary>The PostgreSQL notification channel (per database, like the outbox itself).</summary>
    public const string Channel = "workflow_outbox";

    /// <summary>A silently dead server (no RST, e.g. a network cut) is noticed by keepalives within this many seconds.</summary>
    private const int KeepAliveSeconds = 15;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        KeepAlive = KeepAliveSeconds,
        ApplicationName = "WorkflowRules outbox listener",
    }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception);
            }

            // Only after a failure: listening returns no other way.
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        connection.Notification += (_, _) => signal.Notify();
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        LogListening(logger, Channel, options.Value.OutboxSweepInterval);
        // Rows announced while nobody listened (this host starting, or reconnecting) are claimed now, not at the sweep.
        signal.Notify();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listening on {Channel} for outbox rows of other hosts (the sweep, every {SweepInterval}, remains the fallback).")]
    private static partial void LogListening(ILogger logger, string channel, TimeSpan sweepInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other hosts' outbox rows failed; connecting again in 1 s (the sweep picks the rows up meanwhile).")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
