using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>
/// A private PostgreSQL cluster run with the machine's PostgreSQL programs: initdb on first use, pg_ctl
/// start on 127.0.0.1 with SCRAM password authentication, pg_ctl stop -m fast at the end.
/// </summary>
/// <remarks>
/// One process owns a data folder at a time, marked by an OS lock on <c>&lt;folder&gt;.lock</c> that dies with
/// the process. A second process asking for the same folder fails with
/// <see cref="EmbeddedPostgresError.DataDirectoryInUse"/> rather than sharing a server whose life it does not
/// control. A server left running by an owner that was killed is stopped and started again; a stale
/// <c>postmaster.pid</c> is removed. When this process is root, the cluster belongs to and runs as user
/// <c>postgres</c>.
/// </remarks>
public sealed class EmbeddedPostgresServer : IAsyncDisposable
{
    public const string SuperUser = "postgres";

    private readonly PostgresBinaries _binaries;
    private readonly ServiceAccount _account;
    private readonly FileStream _ownerLock;
    private readonly string _socketDirectory;
    private readonly string _password;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private int _stopped;

    private EmbeddedPostgresServer(
        string dataDirectory, int port, string? databaseName, string password, PostgresBinaries binaries, ServiceAccount account,
        FileStream ownerLock, string socketDirectory, TimeSpan timeout, ILogger logger)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _password = password;
        _binaries = binaries;
        _account = account;
        _ownerLock = ownerLock;
        _socketDirectory = socketDirectory;
        _timeout = timeout;
        _logger = logger;
        AdminConnectionString = GetConnectionString("postgres");
        ConnectionString = databaseName is null ? AdminConnectionString : GetConnectionString(databaseName);
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public int MajorVersion => _binaries.MajorVersion;

    /// <summary>To <see cref="EmbeddedPostgresOptions.DatabaseName"/> (or <c>postgres</c> when that is null), as the superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>To the <c>postgres</c> maintenance database, as the superuser: for creating and dropping databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>
    /// Starts the server, creating the cluster first when the folder is missing or empty, and waits until it
    /// accepts connections. Throws <see cref="EmbeddedPostgresException"/> with an actionable message.
    /// </summary>
    public static async Task<EmbeddedPostgresServer> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory, nameof(options.DataDirectory));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));

        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory));
        Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
        var ownerLock = AcquireOwnerLock(dataDirectory);
        try
        {
            var existingMajor = ClusterFolder.ReadMajorVersion(dataDirectory);
            var binaries = await PostgresBinaries.FindAsync(options.BinariesDirectory, existingMajor, options.Timeout, cancellationToken);
            var account = await ServiceAccount.ResolveAsync(options.Timeout, cancellationToken);
            account.MakeAncestorsTraversable(dataDirectory, logger);
            var socketDirectory = SocketDirectoryFor(dataDirectory);
            await account.CreatePrivateDirectoryAsync(socketDirectory, options.Timeout, cancellationToken);

            var folder = new ClusterFolder(dataDirectory, account, options, logger);
            if (existingMajor is null)
            {
                await folder.InitializeAsync(binaries, socketDirectory, cancellationToken);
            }
            else
            {
                await folder.ClearPreviousRunAsync(binaries, cancellationToken);
            }

            var port = await StartPostmasterAsync(binaries, account, folder, socketDirectory, options, cancellationToken);
            var server = new EmbeddedPostgresServer(
                dataDirectory, port, options.DatabaseName, folder.ReadPassword(), binaries, account, ownerLock, socketDirectory, options.Timeout, logger);
            try
            {
                if (options.DatabaseName is { } databaseName)
                {
                    await server.EnsureDatabaseAsync(databaseName, cancellationToken);
                }
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }

            logger.LogInformation(
                "Embedded PostgreSQL {Version} listens on 127.0.0.1:{Port} (data folder {DataDirectory}).", binaries.Version, port, dataDirectory);
            return server;
        }
        catch
        {
            await ownerLock.DisposeAsync();
            throw;
        }
    }

    public string GetConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Stops the server (pg_ctl stop -m fast: open sessions are ended) and releases the folder. Idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(AdminConnectionString));
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            // pg_ctl would wait its whole timeout on a killed postmaster that is still a zombie; the next start cleans up.
            if (PostmasterPidFile.ReadPid(DataDirectory) is not { } pid || !PostmasterPidFile.IsPostmasterOf(pid, DataDirectory))
            {
                _logger.LogWarning("Embedded PostgreSQL on port {Port} was no longer running.", Port);
                return;
            }

            var result = await PgCtl.StopAsync(_binaries, _account, DataDirectory, _timeout, cancellationToken);
            if (!result.Succeeded && PostmasterPidFile.IsPostmasterOf(pid, DataDirectory))
            {
                throw new EmbeddedPostgresException(
                    EmbeddedPostgresError.StopFailed,
                    $"pg_ctl stop failed for {DataDirectory} ({(result.TimedOut ? "timed out" : $"exit code {result.ExitCode}")}): {result.Output}");
            }

            _logger.LogInformation("Embedded PostgreSQL on port {Port} stopped.", Port);
        }
        finally
        {
            TryDeleteDirectory(_socketDirectory);
            await _ownerLock.DisposeAsync();
        }
    }

    /// <summary>Stops the server; a failure is logged, not thrown, so it never hides the exception that ended a <c>using</c> block.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is EmbeddedPostgresException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _logger.LogError(exception, "Embedded PostgreSQL on port {Port} did not stop cleanly.", Port);
        }
    }

    private static FileStream AcquireOwnerLock(string dataDirectory)
    {
        var lockPath = dataDirectory + ".lock";
        try
        {
            // FileShare.None takes an exclusive flock on Unix; the OS drops it when the process dies.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new EmbeddedPostgresException(
                EmbeddedPostgresError.DataDirectoryInUse,
                $"The PostgreSQL data folder {dataDirectory} is in use by another process, which holds the lock on {lockPath}. " +
                "Stop that process, choose another data folder, or set ConnectionStrings:WorkflowRules to share one server.",
                exception);
        }
    }

    private static async Task<int> StartPostmasterAsync(
        PostgresBinaries binaries, ServiceAccount account, ClusterFolder folder, string socketDirectory,
        EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        folder.RotateLog();
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port == 0 ? FreePort.Pick() : options.Port;
            var result = await PgCtl.StartAsync(binaries, account, folder, port, socketDirectory, options, cancellationToken);
            if (result.Succeeded)
            {
                return port;
            }

            var log = folder.ReadLogTail();

            // Another process took the free port first, or the children of a killed postmaster are still exiting.
            var transient = (options.Port == 0 && log.Contains("Address already in use", StringComparison.Ordinal))
                || log.Contains("pre-existing shared memory block", StringComparison.Ordinal);
            if (!transient || attempt == 5)
            {
                throw new EmbeddedPostgresException(
                    EmbeddedPostgresError.StartFailed,
                    $"PostgreSQL did not start on {folder.Path} ({(result.TimedOut ? "timed out" : $"pg_ctl exit code {result.ExitCode}")}). " +
                    $"pg_ctl said: {result.Output}{Environment.NewLine}End of {folder.LogFile}:{Environment.NewLine}{log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
    }

    private static string SocketDirectoryFor(string dataDirectory)
    {
        // Unix socket paths are limited to ~107 bytes, so the socket lives in a short folder named after the data folder.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..16];
        var temp = Path.GetTempPath();
        return Path.Combine(temp.Length > 60 ? "/tmp" : temp, $"workflowrules-pg-{hash}");
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to reuse.
        }
    }

    private async Task EnsureDatabaseAsync(string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _logger.LogInformation("Created database {Database}.", databaseName);
        }
    }
}
