namespace WorkflowRules.Host.Instances;

/// <summary>How many archived instances a bulk deletion removed.</summary>
public sealed record ArchiveDeletion(int Deleted);
