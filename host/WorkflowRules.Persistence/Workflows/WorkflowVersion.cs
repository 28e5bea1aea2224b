namespace WorkflowRules.Persistence.Workflows;

/// <summary>
/// A definition of a workflow. Once published it never changes and instances point at the version they started on;
/// a draft (not published yet) may be replaced by a newer draft until it is published.
/// </summary>
public sealed class WorkflowVersion
{
    public Guid Id { get; set; }

    public Guid WorkflowId { get; set; }

    /// <summary>1, 2, 3… per workflow; unique with <see cref="WorkflowId"/>.</summary>
    public int Number { get; set; }

    public required string EntryEvent { get; set; }

    /// <summary>The full step definition as JSON (jsonb); never updated once written.</summary>
    public required string DefinitionJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>When it became the version new instances use; null while it is a draft.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }
}
