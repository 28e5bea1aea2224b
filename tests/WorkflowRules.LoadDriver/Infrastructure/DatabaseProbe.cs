using Npgsql;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>Reads what the host left in PostgreSQL: statistics and the outcome of the work the driver asked for.</summary>
internal static class DatabaseProbe
{
    /// <summary>
    /// Committed transactions of the connection string's database so far. PostgreSQL flushes backend statistics at
    /// most once a second, so callers wait <see cref="StatisticsDelay"/> after the work before reading.
    /// </summary>
    public static async Task<long> CommitsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static TimeSpan StatisticsDelay { get; } = TimeSpan.FromSeconds(2);

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? await reader.GetFieldValueAsync<T>(0, cancellationToken)
            : throw new InvalidOperationException($"No row from: {sql}");
    }

    /// <summary>
    /// Seconds from the <paramref name="from"/>-th to the <paramref name="to"/>-th timestamp (1-based) of
    /// <paramref name="orderedTimestamps"/>, a query of one timestamp column in time order.
    /// </summary>
    public static Task<double> SecondsBetweenAsync(string connectionString, string orderedTimestamps, int from, int to, CancellationToken cancellationToken) =>
        ScalarAsync<double>(
            connectionString,
            $"SELECT extract(epoch FROM ({orderedTimestamps} OFFSET {to - 1} LIMIT 1) - ({orderedTimestamps} OFFSET {from - 1} LIMIT 1))::float8",
            cancellationToken);

    /// <summary>
    /// Waits until <paramref name="sql"/> (a count) reaches <paramref name="expected"/>, handing each count read to
    /// <paramref name="observe"/>; returns false on timeout.
    /// </summary>
    public static async Task<bool> WaitForCountAsync(
        string connectionString, string sql, long expected, TimeSpan timeout, CancellationToken cancellationToken, Action<long>? observe = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            var count = await ScalarAsync<long>(connectionString, sql, cancellationToken);
            observe?.Invoke(count);
            if (count >= expected)
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }
}
