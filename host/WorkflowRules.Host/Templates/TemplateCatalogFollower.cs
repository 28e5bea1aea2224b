namespace WorkflowRules.Host.Templates;

/// <summary>
/// Materialises the shipped templates once the host has started (plugins loaded, database migrated), then follows
/// the plugin catalog: a plugin added at run time gets its templates within seconds. The catalog raises no event for
/// a new snapshot, so this compares its generation, which costs nothing.
/// </summary>
public sealed partial class TemplateCatalogFollower(
    TemplateSynchronizer synchronizer, IHostApplicationLifetime lifetime, TimeProvider timeProvider, ILogger<TemplateCatalogFollower> logger) : BackgroundService
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(s_pollInterval, timeProvider);
        do
        {
            try
            {
                await synchronizer.EnsureCurrentAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database hiccup must not stop the follower; the next tick tries again.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Materialising the shipped templates failed; retrying shortly.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
