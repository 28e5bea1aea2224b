namespace WorkflowRules.Persistence.Workflows;

/// <summary>The workflow header: its code and which published version new instances use.</summary>
public sealed class Workflow
{
    public Guid Id { get; set; }

    /// <summary>Unique, upper-case code.</summary>
    public required string Code { get; set; }

    public required string Description { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The version new instances start on.</summary>
    public Guid? CurrentVersionId { get; set; }

    public WorkflowVersion? CurrentVersion { get; set; }

    /// <summary>Entry event of the current version, copied here so matching is one indexed lookup.</summary>
    public string? EntryEvent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic concurrency token.</summary>
    public uint RowVersion { get; set; }

    public List<WorkflowVersion> Versions { get; set; } = [];
}
