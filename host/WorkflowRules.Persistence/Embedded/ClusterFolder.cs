using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>The data folder of an embedded cluster: creating it, checking it, and the password kept in it.</summary>
internal sealed class ClusterFolder(string path, ServiceAccount account, EmbeddedPostgresOptions options, ILogger logger)
{
    public const string PasswordFileName = "workflowrules.password";
    public const string LogFileName = "workflowrules-server.log";
    private const long MaxLogBytes = 10 * 1024 * 1024;

    public string Path { get; } = path;

    public string LogFile => System.IO.Path.Combine(Path, LogFileName);

    /// <summary>Null when the folder is missing or empty (to be initialised); the cluster's major version otherwise.</summary>
    public static int? ReadMajorVersion(string path)
    {
        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any())
        {
            return null;
        }

        var versionFile = System.IO.Path.Combine(path, "PG_VERSION");
        if (!File.Exists(versionFile))
        {
            throw new EmbeddedPostgresException(
                EmbeddedPostgresError.DataDirectoryInvalid,
                $"{path} is not empty and is not a PostgreSQL data folder (it has no PG_VERSION). Empty it, or choose another data folder.");
        }

        if (!File.Exists(System.IO.Path.Combine(path, PasswordFileName)))
        {
            throw new EmbeddedPostgresException(
                EmbeddedPostgresError.DataDirectoryInvalid,
                $"{path} holds a PostgreSQL cluster that WorkflowRules did not create (it has no {PasswordFileName}), so it cannot log in. " +
                "Choose another data folder, or delete this one to start afresh.");
        }

        return int.TryParse(File.ReadAllText(versionFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? major
            : throw new EmbeddedPostgresException(EmbeddedPostgresError.DataDirectoryInvalid, $"{versionFile} is not a PostgreSQL version number.");
    }

    public string ReadPassword() => File.ReadAllText(System.IO.Path.Combine(Path, PasswordFileName)).Trim();

    /// <summary>
    /// Runs initdb in a sibling staging folder and moves it into place only once complete, so a run killed
    /// half-way leaves no half-made cluster behind. Password authentication (SCRAM) everywhere, no trust.
    /// </summary>
    public async Task InitializeAsync(PostgresBinaries binaries, string privateScratchDirectory, CancellationToken cancellationToken)
    {
        logger.LogInformation("Creating a PostgreSQL {Version} cluster in {DataDirectory}.", binaries.Version, Path);
        var staging = Path + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        await account.CreatePrivateDirectoryAsync(staging, options.Timeout, cancellationToken);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var passwordFile = System.IO.Path.Combine(privateScratchDirectory, "initdb.pw");
        await account.WritePrivateFileAsync(passwordFile, password, options.Timeout, cancellationToken);
        try
        {
            List<string> arguments =
            [
                "-D", staging, "-U", EmbeddedPostgresServer.SuperUser, $"--pwfile={passwordFile}",
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale",
            ];
            if (!options.Fsync)
            {
                arguments.Add("--no-sync");
            }

            var result = await account.RunAsync(binaries.InitDb, arguments, options.Timeout, cancellationToken);
            if (!result.Succeeded)
            {
                throw new EmbeddedPostgresException(
                    EmbeddedPostgresError.InitializationFailed,
                    $"initdb failed for {Path} ({(result.TimedOut ? "timed out" : $"exit code {result.ExitCode}")}): {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }

        await account.WritePrivateFileAsync(System.IO.Path.Combine(staging, PasswordFileName), password, options.Timeout, cancellationToken);
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path);
        }

        Directory.Move(staging, Path);
    }

    /// <summary>
    /// Deals with the <c>postmaster.pid</c> of an earlier run. The owner lock is ours, so no live process owns the
    /// folder: a postmaster still running on it was orphaned (its owner was killed) and is stopped; any other
    /// PID is stale and its file is removed, which PostgreSQL would not do when the PID was reused.
    /// </summary>
    public async Task ClearPreviousRunAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        if (PostmasterPidFile.ReadPid(Path) is not { } pid)
        {
            return;
        }

        if (PostmasterPidFile.IsPostmasterOf(pid, Path))
        {
            logger.LogWarning("A PostgreSQL server (PID {Pid}) left running by an earlier process still uses {DataDirectory}; stopping it.", pid, Path);
            var stop = await PgCtl.StopAsync(binaries, account, Path, options.Timeout, cancellationToken);
            if (!stop.Succeeded)
            {
                throw new EmbeddedPostgresException(
                    EmbeddedPostgresError.StopFailed,
                    $"Could not stop the PostgreSQL server (PID {pid}) left running on {Path}: {stop.Output}. Stop it by hand (kill {pid}) and start again.");
            }

            return;
        }

        logger.LogWarning("Removing the stale {PidFile} of a PostgreSQL server (PID {Pid}) that no longer runs on {DataDirectory}.", PostmasterPidFile.FileName, pid, Path);
        File.Delete(System.IO.Path.Combine(Path, PostmasterPidFile.FileName));
    }

    /// <summary>Keeps the server log from growing without bound across restarts: one previous generation is kept.</summary>
    public void RotateLog()
    {
        var log = new FileInfo(LogFile);
        if (log.Exists && log.Length > MaxLogBytes)
        {
            log.MoveTo(LogFile + ".1", overwrite: true);
        }
    }

    /// <summary>The end of the server log, to explain a failed start.</summary>
    public string ReadLogTail(int maxBytes = 4096)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - maxBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Trim();
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }
}
