namespace WorkflowRules.Host.Jobs;

/// <summary>
/// How the dispatcher shares the instances of one outbox claim among Hangfire jobs. Hangfire spends about 15
/// commits on every job whatever it does (fetch, three state changes, counters, queue delete), more than running
/// an instance's response costs, so under load several instances share a job. Never fewer jobs than the host's own
/// workers could run at once, so batching a small claim never leaves a worker idle while another runs a queue of
/// instances (an API-only host has none: its claims are split by size alone).
/// </summary>
public static class JobBatches
{
    /// <summary>
    /// Splits <paramref name="instanceIds"/> (in claim order; an instance named twice, for two events queued behind
    /// it, is run once) into at least <c>min(count, parallelJobs)</c> batches of at most
    /// <paramref name="instancesPerJob"/>, as even in size as they can be, keeping the order.
    /// </summary>
    public static IReadOnlyList<Guid[]> Split(IEnumerable<Guid> instanceIds, int instancesPerJob, int parallelJobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instancesPerJob, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelJobs, 1);
        var distinct = instanceIds.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return [];
        }

        var jobs = Math.Max((distinct.Length + instancesPerJob - 1) / instancesPerJob, Math.Min(distinct.Length, parallelJobs));
        var batches = new Guid[jobs][];
        var start = 0;
        for (var job = 0; job < jobs; job++)
        {
            // The first (count % jobs) batches take one more: sizes differ by at most one.
            var size = distinct.Length / jobs + (job < distinct.Length % jobs ? 1 : 0);
            batches[job] = distinct[start..(start + size)];
            start += size;
        }

        return batches;
    }
}
