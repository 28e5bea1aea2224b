using System.ComponentModel;
using Hangfire;
using WorkflowRules.Host.Runtime;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// The Hangfire job that runs an instance's responses. Its signature is part of stored jobs: only an
/// instance id goes in (never plugin types or personal data), and it must not be renamed or retyped.
/// </summary>
public sealed class RunInstanceJob(InstanceRunner runner)
{
    [DisplayName("Run workflow instance {0}")]
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(Guid instanceId, CancellationToken cancellationToken) => runner.RunAsync(instanceId, cancellationToken);
}
