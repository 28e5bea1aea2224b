namespace WorkflowRules.Host.Workflows.Views;

/// <summary>One version in full: its steps, and whether they pass every enabling check now.</summary>
/// <param name="Number">1, 2, 3… per workflow.</param>
/// <param name="State">Published (immutable) or Draft.</param>
/// <param name="Current">Whether new instances start on it.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="CreatedBy">Who wrote it.</param>
/// <param name="PublishedAt">When it was published; null for the draft.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="EntryEvent">The entry point's event, when there is exactly one entry point.</param>
/// <param name="Steps">Every step, in the order they were given.</param>
/// <param name="Valid">Whether it passes every enabling check with the plugins loaded and the workflows enabled now.</param>
/// <param name="Problems">Why not, keyed by step (<c>steps[4].options.text</c>).</param>
public sealed record WorkflowVersionView(
    int Number,
    WorkflowVersionState State,
    bool Current,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? EntryEvent,
    IReadOnlyList<StepView> Steps,
    bool Valid,
    IDictionary<string, string[]> Problems);
