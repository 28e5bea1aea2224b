namespace WorkflowRules.Host.Access;

/// <summary>A verified caller.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, string Name, IReadOnlyList<string> Roles);
