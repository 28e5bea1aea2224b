using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Access;

namespace WorkflowRules.Host.Access;

/// <summary><c>/api/keys</c>: administrators create, list and revoke API keys.</summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/keys").WithTags("Access").RequireAuthorization(AuthorizationPolicies.Administer);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapDelete("/{id:guid}", RevokeAsync);
        return endpoints;
    }

    public sealed record CreateApiKeyRequest([property: Required] string Name, [property: Required] IReadOnlyList<string> Roles);

    public sealed record CreatedApiKey(Guid Id, string Name, IReadOnlyList<string> Roles, string Key);

    public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, WorkflowRulesDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Problems.Validation("name", "Give the key a name that says who uses it.");
        }

        var unknown = request.Roles?.Where(role => !Roles.All.Contains(role)).ToList() ?? [];
        if (request.Roles is not { Count: > 0 } || unknown.Count > 0)
        {
            return Problems.Validation("roles", $"Roles must be one or more of: {string.Join(", ", Roles.All)}.");
        }

        var key = ApiKeySecret.Generate();
        var row = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = request.Name.Trim(),
            Prefix = ApiKeySecret.TryGetPrefix(key)!,
            Hash = ApiKeySecret.Hash(key),
            Roles = request.Roles.Distinct(StringComparer.Ordinal).ToList(),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/keys/{row.Id}", new CreatedApiKey(row.Id, row.Name, row.Roles, key));
    }

    private static async Task<Ok<List<ApiKeySummary>>> ListAsync(WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.Roles, k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(keys);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        Guid id, WorkflowRulesDbContext db, ApiKeyVerifier verifier, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, timeProvider.GetUtcNow()), cancellationToken);
        verifier.ForgetAll();
        return revoked == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
