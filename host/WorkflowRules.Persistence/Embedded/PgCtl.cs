using System.Globalization;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>pg_ctl start and stop, always waiting for the outcome.</summary>
internal static class PgCtl
{
    public static Task<CommandResult> StartAsync(
        PostgresBinaries binaries, ServiceAccount account, ClusterFolder folder, int port, string socketDirectory,
        EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        // TCP on the loopback address only; the Unix socket in a folder only the service user can enter.
        List<string> settings =
        [
            "-c listen_addresses=127.0.0.1",
            $"-c port={port.ToString(CultureInfo.InvariantCulture)}",
            $"-c unix_socket_directories={ShellQuote(socketDirectory)}",
            "-c unix_socket_permissions=0700",
            $"-c max_connections={options.MaxConnections.ToString(CultureInfo.InvariantCulture)}",
        ];
        if (!options.Fsync)
        {
            settings.AddRange(["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]);
        }

        string[] arguments =
        [
            "start", "-D", folder.Path, "-l", folder.LogFile, "-w", "-t", Seconds(options.Timeout), "-o", string.Join(' ', settings),
        ];
        return account.RunAsync(binaries.PgCtl, arguments, options.Timeout + TimeSpan.FromSeconds(5), cancellationToken);
    }

    public static Task<CommandResult> StopAsync(
        PostgresBinaries binaries, ServiceAccount account, string dataDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string[] arguments = ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", Seconds(timeout)];
        return account.RunAsync(binaries.PgCtl, arguments, timeout + TimeSpan.FromSeconds(5), cancellationToken);
    }

    private static string Seconds(TimeSpan timeout)
        => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    // pg_ctl hands -o to /bin/sh.
    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
