using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// A PostgreSQL session advisory lock per instance, held while its responses run, so the responses
/// of one instance never interleave — across Hangfire workers and across host processes. A process
/// that dies drops its connection and with it the lock.
/// </summary>
public static class InstanceLock
{
    public static async Task AcquireAsync(WorkflowRulesDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(db.Database.GetDbConnection(), "SELECT pg_advisory_lock(@key)", KeyOf(instanceId), cancellationToken);
    }

    public static async Task ReleaseAsync(WorkflowRulesDbContext db, Guid instanceId)
    {
        await ExecuteAsync(db.Database.GetDbConnection(), "SELECT pg_advisory_unlock(@key)", KeyOf(instanceId), CancellationToken.None);
        await db.Database.CloseConnectionAsync();
    }

    private static long KeyOf(Guid instanceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        instanceId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
