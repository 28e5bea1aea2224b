using System.Data.Common;
using Npgsql;

namespace WorkflowRules.Host.Database;

/// <summary>
/// Npgsql settings the host runs best with, added to the connection string unless it sets them itself (an operator's
/// own value, even the library default, always wins). Measured at intake: together they took the whole machine's CPU
/// per event from 2.28 ms to 1.5–1.7 ms, most of it PostgreSQL's (README, "Performance").
/// </summary>
public static class ConnectionStringTuning
{
    /// <summary>
    /// Statements run at least five times on a connection (every insert, read and Hangfire command of the hot paths)
    /// are prepared on it, so PostgreSQL stops parsing and planning them per event. Npgsql re-prepares a statement
    /// whose table a migration changed.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// A pooled connection is handed back as it is instead of being reset with six statements per use (with prepared
    /// statements, Npgsql's reset is RESET ALL, CLOSE ALL, UNLISTEN, pg_advisory_unlock_all, DISCARD SEQUENCES and
    /// DISCARD TEMP). Safe here: nothing in the host changes session settings, creates temporary tables or listens on
    /// a pooled connection, and the one session lock it takes (<see cref="WorkflowRules.Persistence.Instances.InstanceRunLock"/>) is released before
    /// its connection goes back, or the connection is broken and discarded.
    /// </summary>
    public const bool NoResetOnClose = true;

    public static string Apply(string connectionString)
    {
        var set = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!set.Contains(nameof(MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!set.Contains(nameof(NoResetOnClose)))
        {
            builder.NoResetOnClose = NoResetOnClose;
        }

        return builder.ConnectionString;
    }
}
