using Microsoft.Extensions.Logging;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>
/// PostgreSQL refuses to run as root. When this process is root, the cluster's folders belong to, and
/// its programs run as, the unprivileged <c>postgres</c> user (created by Debian's postgresql package).
/// Otherwise everything runs as the current user.
/// </summary>
internal sealed class ServiceAccount
{
    public const string PostgresUser = "postgres";

    private ServiceAccount(string? runAsUser) => RunAsUser = runAsUser;

    /// <summary>The user to switch to, or null to run as the current one.</summary>
    public string? RunAsUser { get; }

    public static async Task<ServiceAccount> ResolveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServiceAccount(null);
        }

        var id = await SystemCommand.RunAsync("id", ["-u", PostgresUser], null, timeout, cancellationToken);
        return id.Succeeded
            ? new ServiceAccount(PostgresUser)
            : throw new EmbeddedPostgresException(
                EmbeddedPostgresError.NoServiceUser,
                $"This process runs as root and PostgreSQL refuses to; it would run as user '{PostgresUser}', which does not exist. " +
                "Install PostgreSQL from the distribution (apt-get install postgresql creates the user), create it (useradd --system postgres), " +
                "run as a normal user, or set ConnectionStrings:WorkflowRules.");
    }

    public Task<CommandResult> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        => SystemCommand.RunAsync(executable, arguments, RunAsUser, timeout, cancellationToken);

    /// <summary>Creates <paramref name="path"/> (mode 0700) owned by the service user.</summary>
    public async Task CreatePrivateDirectoryAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await GiveAsync(path, timeout, cancellationToken);
    }

    /// <summary>Writes <paramref name="contents"/> to a new file only its owner (the service user) can read.</summary>
    public async Task WritePrivateFileAsync(string path, string contents, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(contents.AsMemory(), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // The file may have existed with wider permissions.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await GiveAsync(path, timeout, cancellationToken);
    }

    /// <summary>
    /// The service user must be able to walk down to the data folder: adds search permission for
    /// others (o+x, never read) on the ancestors that lack it.
    /// </summary>
    public void MakeAncestorsTraversable(string path, ILogger logger)
    {
        if (RunAsUser is null || OperatingSystem.IsWindows())
        {
            return;
        }

        for (var directory = Path.GetDirectoryName(path); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            var mode = File.GetUnixFileMode(directory);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                logger.LogInformation("Allowing user {User} to traverse {Directory} (adding o+x) to reach the PostgreSQL data folder.", RunAsUser, directory);
                File.SetUnixFileMode(directory, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private async Task GiveAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (RunAsUser is null)
        {
            return;
        }

        var chown = await SystemCommand.RunAsync("chown", [$"{RunAsUser}:", path], null, timeout, cancellationToken);
        if (!chown.Succeeded)
        {
            throw new EmbeddedPostgresException(EmbeddedPostgresError.InitializationFailed, $"Could not give {path} to user {RunAsUser}: {chown.Output}");
        }
    }
}
