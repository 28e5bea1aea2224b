namespace WorkflowRules.Persistence.Workflows;

/// <summary>An immutable published definition. Instances point at the version they started on.</summary>
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
}
