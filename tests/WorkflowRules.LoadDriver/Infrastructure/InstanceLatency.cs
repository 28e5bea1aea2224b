using Npgsql;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>Latency from "event accepted" to "instance completed", computed by PostgreSQL from the host's own timestamps.</summary>
internal static class InstanceLatency
{
    /// <summary>Percentiles over instances whose event was received at or after <paramref name="since"/>.</summary>
    public static async Task<Percentiles> SinceAsync(string connectionString, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT extract(epoch FROM i.completed_at - e.received_at) * 1000
            FROM workflow.workflow_instances i JOIN workflow.received_events e ON e.id = i.triggering_event_id
            WHERE i.completed_at IS NOT NULL AND e.received_at >= @since
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        var samples = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            samples.Add((double)reader.GetDecimal(0));
        }

        return new Percentiles(samples);
    }

    public static Task<DateTimeOffset> DatabaseNowAsync(string connectionString, CancellationToken cancellationToken) =>
        DatabaseProbe.ScalarAsync<DateTimeOffset>(connectionString, "SELECT now()", cancellationToken);

    public const string CountCompleted = "SELECT count(*) FROM workflow.workflow_instances WHERE status = 'Completed'";
}
