using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// The dashboard's name for a <see cref="RunInstancesJob"/>: every instance id it runs, so an operator looking for an
/// instance finds its job in the lists, not only on the job's page.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InstanceBatchDisplayNameAttribute() : JobDisplayNameAttribute("Run workflow instances")
{
    public override string Format(DashboardContext context, Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Args is [Guid[] instanceIds, ..]
            ? $"Run {instanceIds.Length} workflow instances {string.Join(", ", instanceIds)}"
            : base.Format(context, job);
    }
}
