using System.Globalization;
using System.Runtime.Versioning;
using Npgsql;
using WorkflowRules.Persistence.Embedded;

namespace WorkflowRules.Persistence.Tests.Embedded;

/// <summary>Each test runs its own cluster in its own folder (initdb ≈ 1 s with fsync off).</summary>
[UnsupportedOSPlatform("windows")]
public sealed class EmbeddedPostgresServerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly RecordingLogger _logger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StartAsync_KeepsDataAndPassword_WhenRestartedOnTheSameFolder()
    {
        string firstPassword;
        await using (var first = await StartAsync())
        {
            firstPassword = new NpgsqlConnectionStringBuilder(first.ConnectionString).Password!;
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('kept')");
        }

        await using var second = await StartAsync();

        Assert.Equal(firstPassword, new NpgsqlConnectionStringBuilder(second.ConnectionString).Password);
        Assert.Equal("kept", await ScalarAsync(second.ConnectionString, "SELECT text FROM notes"));
        Assert.Contains(_logger.Entries, e => e.Message.Contains("Creating a PostgreSQL", StringComparison.Ordinal));
        Assert.Single(_logger.Entries, e => e.Message.Contains("Creating a PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_Starts_WhenPidFilePointsAtALiveUnrelatedProcess()
    {
        // PostgreSQL alone refuses this case ("lock file already exists") whenever the PID was reused.
        await (await StartAsync()).StopAsync(CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "postmaster.pid"), $"{Environment.ProcessId}\n{_folder.Path}\n");

        await using var server = await StartAsync();

        Assert.Equal("1", await ScalarAsync(server.ConnectionString, "SELECT 1"));
        Assert.Contains(_logger.Entries, e => e.Message.Contains("stale postmaster.pid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_Starts_WhenPostmasterWasKilled()
    {
        var server = await StartAsync();
        var pid = int.Parse(File.ReadLines(Path.Combine(_folder.Path, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        using (var postmaster = System.Diagnostics.Process.GetProcessById(pid))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync();
        }

        await using var restarted = await StartAsyncAfter(server);

        Assert.Equal("1", await ScalarAsync(restarted.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_RestartsServer_WhenItsPreviousOwnerDied()
    {
        await (await StartAsync()).StopAsync(CancellationToken.None);

        // A postmaster running with nobody holding the folder's lock: what a killed host leaves behind.
        var account = await ServiceAccount.ResolveAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        var binaries = await PostgresBinaries.FindAsync(null, null, TimeSpan.FromSeconds(30), CancellationToken.None);
        var socketDirectory = _folder.Path + "-orphan-socket";
        await account.CreatePrivateDirectoryAsync(socketDirectory, TimeSpan.FromSeconds(30), CancellationToken.None);
        try
        {
            var orphan = await account.RunAsync(
                binaries.PgCtl,
                ["start", "-D", _folder.Path, "-w", "-l", Path.Combine(_folder.Path, "orphan.log"), "-o", $"-c listen_addresses='' -c unix_socket_directories='{socketDirectory}'"],
                TimeSpan.FromSeconds(60),
                CancellationToken.None);
            Assert.True(orphan.Succeeded, orphan.Output);
            var orphanPid = PostmasterPidFile.ReadPid(_folder.Path)!.Value;

            await using var server = await StartAsync();

            Assert.NotEqual(orphanPid, PostmasterPidFile.ReadPid(_folder.Path));
            Assert.False(PostmasterPidFile.IsPostmasterOf(orphanPid, _folder.Path));
            Assert.Equal("1", await ScalarAsync(server.ConnectionString, "SELECT 1"));
            Assert.Contains(_logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("left running", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(socketDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_Throws_WhenAnotherOwnerUsesTheFolder()
    {
        await using var owner = await StartAsync();

        var exception = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => StartAsync());

        Assert.Equal(EmbeddedPostgresError.DataDirectoryInUse, exception.Error);
        Assert.Contains(_folder.Path, exception.Message, StringComparison.Ordinal);
        Assert.Equal("1", await ScalarAsync(owner.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_Throws_WhenFolderHoldsSomethingElse()
    {
        Directory.CreateDirectory(_folder.Path);
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "notes.txt"), "not a cluster");

        var exception = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => StartAsync());

        Assert.Equal(EmbeddedPostgresError.DataDirectoryInvalid, exception.Error);
        Assert.Contains("PG_VERSION", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SaysHowToInstallPostgres_WhenBinariesAreMissing()
    {
        var empty = Directory.CreateTempSubdirectory("workflowrules-no-postgres-");
        try
        {
            var exception = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => StartAsync(o => o.BinariesDirectory = empty.FullName));

            Assert.Equal(EmbeddedPostgresError.BinariesNotFound, exception.Error);
            Assert.Contains("apt-get install postgresql", exception.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:WorkflowRules", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_RequiresThePassword_WhenConnectingOverTcp()
    {
        await using var server = await StartAsync();
        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "not-the-password", Pooling = false }.ConnectionString;

        var exception = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(wrong, "SELECT 1"));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, exception.SqlState);
        var rules = File.ReadAllLines(Path.Combine(_folder.Path, "pg_hba.conf")).Where(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0);
        Assert.All(rules, rule => Assert.EndsWith("scram-sha-256", rule.Trim(), StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder.Path, ClusterFolder.PasswordFileName)));
    }

    private Task<EmbeddedPostgresServer> StartAsync(Action<EmbeddedPostgresOptions>? configure = null)
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _folder.Path, Fsync = false, DatabaseName = "app" };
        configure?.Invoke(options);
        return EmbeddedPostgresServer.StartAsync(options, _logger, CancellationToken.None);
    }

    private async Task<EmbeddedPostgresServer> StartAsyncAfter(EmbeddedPostgresServer abandoned)
    {
        // The killed server's owner (this test) still holds the folder lock: release it as a dying process would.
        await abandoned.DisposeAsync();
        return await StartAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
