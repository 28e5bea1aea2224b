using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Access;

/// <summary>
/// Verifies presented keys against the stored hashes. Verified keys are remembered for
/// <see cref="AccessOptions.KeyCacheDuration"/> so the event intake does not pay a query per request.
/// </summary>
public sealed class ApiKeyVerifier(
    IDbContextFactory<WorkflowRulesDbContext> dbContextFactory,
    IOptions<AccessOptions> options,
    TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset ExpiresAt)> _verified = new(StringComparer.Ordinal);

    public async Task<ApiKeyIdentity?> VerifyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var prefix = ApiKeySecret.TryGetPrefix(presentedKey);
        if (prefix is null)
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presentedKey);
        var now = timeProvider.GetUtcNow();
        if (_verified.TryGetValue(hash, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Identity;
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, cancellationToken);
        if (key is null || !ApiKeySecret.HashMatches(presentedKey, key.Hash))
        {
            _verified.TryRemove(hash, out _);
            return null;
        }

        var identity = new ApiKeyIdentity(key.Id, key.Name, key.Roles);
        _verified[hash] = (identity, now + options.Value.KeyCacheDuration);
        return identity;
    }

    /// <summary>Forgets every cached verification, so a revocation takes effect at once in this process.</summary>
    public void ForgetAll() => _verified.Clear();
}
