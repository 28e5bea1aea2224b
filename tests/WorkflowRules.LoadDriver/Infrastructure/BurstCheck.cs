using Npgsql;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>What the database says about a burst once it is drained.</summary>
internal sealed record BurstCheck(long Events, long Instances, long CompletedInstances, long CompletedResponses, long ResponseSteps, long ReRunSteps, long FailedJobs)
{
    public static async Task<BurstCheck> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT
              (SELECT count(*) FROM workflow.received_events),
              (SELECT count(*) FROM workflow.workflow_instances),
              (SELECT count(*) FROM workflow.workflow_instances WHERE status = 'Completed'),
              (SELECT count(*) FROM workflow.instance_steps WHERE type = 'Response' AND status = 'Completed'),
              (SELECT count(*) FROM workflow.instance_steps WHERE type = 'Response'),
              (SELECT count(*) FROM workflow.instance_steps WHERE attempts > 1),
              (SELECT count(*) FROM hangfire.job WHERE statename = 'Failed')
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BurstCheck(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    /// <summary>
    /// Every event stored once with one instance, every instance and response completed, no failed job. Steps
    /// re-run after the crash are allowed (at most the workers' worth: the steps in flight when it was killed).
    /// </summary>
    public bool NothingLostOrDuplicated(int events, int responsesPerInstance) =>
        Events == events && Instances == events && CompletedInstances == events
        && ResponseSteps == (long)events * responsesPerInstance && CompletedResponses == ResponseSteps
        && ReRunSteps <= DriverHangfire.HostWorkerCount && FailedJobs == 0;

    public override string ToString() =>
        $"{Events} events, {Instances} instances ({CompletedInstances} completed), {CompletedResponses}/{ResponseSteps} responses completed, {ReRunSteps} steps re-run after the crash, {FailedJobs} failed jobs";
}
