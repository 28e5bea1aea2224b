using Hangfire;
using WorkflowRules.Host.Runtime;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// The Hangfire job that runs several instances, one after the other, each exactly as <see cref="RunInstanceJob"/>
/// would (own lock, own commits): what the dispatcher enqueues under load so that Hangfire's cost per job is shared
/// (<see cref="JobBatches"/>). Its signature is part of stored jobs: only instance ids go in, and it must not be
/// renamed or retyped.
/// </summary>
/// <remarks>
/// An instance whose run throws (a response's own failure does not: it is stored on its step) must not hold back
/// the others nor make Hangfire run them again: it gets a <see cref="RunInstanceJob"/> of its own, which the
/// dashboard shows under the instance's id and Hangfire retries, and the batch goes on. If even that enqueue fails
/// (the database is gone), the batch throws and Hangfire retries it whole; instances it already finished are no-ops.
/// </remarks>
public sealed partial class RunInstancesJob(InstanceRunner runner, IBackgroundJobClient jobClient, ILogger<RunInstancesJob> logger)
{
    [InstanceBatchDisplayName]
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid[] instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        foreach (var instanceId in instanceIds)
        {
            try
            {
                await runner.RunAsync(instanceId, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var jobId = jobClient.Enqueue<RunInstanceJob>(job => job.RunAsync(instanceId, CancellationToken.None));
                LogRunFailed(logger, exception, instanceId, jobId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running instance {InstanceId} in a batch failed; it goes on in job {JobId} of its own, which Hangfire retries.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid instanceId, string jobId);
}
