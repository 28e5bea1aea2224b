using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Views;

/// <summary>One entry of a workflow's version history.</summary>
/// <param name="Number">1, 2, 3… per workflow.</param>
/// <param name="State">Published or Draft.</param>
/// <param name="Current">Whether new instances start on it.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="CreatedBy">Who wrote it (a template's versions: <c>template:</c> and its source).</param>
/// <param name="PublishedAt">When it was published; null for the draft.</param>
/// <param name="PublishedBy">Who published it.</param>
public sealed record WorkflowVersionSummary(
    int Number, WorkflowVersionState State, bool Current, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    public static WorkflowVersionSummary From(Workflow workflow, WorkflowVersion version)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(version);
        return new(
            version.Number,
            version.PublishedAt is null ? WorkflowVersionState.Draft : WorkflowVersionState.Published,
            version.Id == workflow.CurrentVersionId,
            version.CreatedAt,
            version.CreatedBy,
            version.PublishedAt,
            version.PublishedBy);
    }
}
