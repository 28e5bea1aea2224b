namespace WorkflowRules.Persistence.Access;

/// <summary>A caller's API key. Only a SHA-256 hash of the secret is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The key's public prefix (unique), used to find the row before comparing hashes.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>Role names (e.g. <c>admin</c>, <c>operator</c>, <c>application</c>).</summary>
    public List<string> Roles { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
