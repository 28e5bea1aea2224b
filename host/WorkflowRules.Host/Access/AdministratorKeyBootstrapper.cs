using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkflowRules.Host.Database;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Access;

namespace WorkflowRules.Host.Access;

/// <summary>
/// Gives a fresh install its first administrator key: the configured one, or a generated one written
/// to a file only the host's user can read. Runs after migrations, does nothing once any key exists.
/// </summary>
public sealed partial class AdministratorKeyBootstrapper(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    IOptions<AccessOptions> options,
    IOptions<DataDirectoryOptions> dataDirectory,
    TimeProvider timeProvider,
    ILogger<AdministratorKeyBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var configured = options.Value.BootstrapAdminKey;
        if (!string.IsNullOrEmpty(configured) && ApiKeySecret.TryGetPrefix(configured) is null)
        {
            throw new InvalidOperationException(
                "Access:BootstrapAdminKey is not a valid key. Use the form wr_<12 hex characters>_<at least 16 characters>, or leave it empty to have one generated.");
        }

        var key = string.IsNullOrEmpty(configured) ? ApiKeySecret.Generate() : configured;
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = "administrator",
            Prefix = ApiKeySecret.TryGetPrefix(key)!,
            Hash = ApiKeySecret.Hash(key),
            Roles = [Roles.Admin, Roles.Operator, Roles.Application],
            CreatedAt = timeProvider.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host process may have bootstrapped at the same moment; then its key stands.
            db.ChangeTracker.Clear();
            if (await db.ApiKeys.AnyAsync(cancellationToken))
            {
                return;
            }

            throw;
        }

        if (string.IsNullOrEmpty(configured))
        {
            var path = Path.Combine(dataDirectory.Value.Path, options.Value.BootstrapKeyFile);
            await WriteOwnerOnlyAsync(path, key + Environment.NewLine, cancellationToken);
            LogGeneratedKey(logger, path);
        }
        else
        {
            LogConfiguredKey(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task WriteOwnerOnlyAsync(string path, string content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, fileOptions);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key existed: an administrator key was generated and written to {KeyFile}. Use it to create other keys (POST /api/keys), then delete the file.")]
    private static partial void LogGeneratedKey(ILogger logger, string keyFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "No API key existed: the configured Access:BootstrapAdminKey was stored as the administrator key.")]
    private static partial void LogConfiguredKey(ILogger logger);
}
