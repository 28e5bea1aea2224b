namespace WorkflowRules.Persistence.Workflows;

/// <summary>The workflow header: its code and which published version new instances use.</summary>
public sealed class Workflow
{
    public Guid Id { get; set; }

    /// <summary>Unique, upper-case code.</summary>
    public required string Code { get; set; }

    public required string Description { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Category code (PURCH, SALES, … or one a plugin adds); null when uncategorised.</summary>
    public string? Category { get; set; }

    /// <summary>A read-only template shipped by the host or a plugin: never enabled, edited or deleted by hand.</summary>
    public bool IsTemplate { get; set; }

    /// <summary>For templates: the plugin that ships it.</summary>
    public string? TemplateSource { get; set; }

    /// <summary>An edit of an enabled workflow waiting to be published; new instances keep using the current version meanwhile.</summary>
    public Guid? DraftVersionId { get; set; }

    public WorkflowVersion? DraftVersion { get; set; }

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
