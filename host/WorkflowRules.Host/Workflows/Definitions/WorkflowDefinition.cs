namespace WorkflowRules.Host.Workflows.Definitions;

/// <summary>
/// The step tree of one workflow version, stored as JSON in the version row and never changed once published.
/// Steps point at their parent; siblings are ordered by <see cref="WorkflowStepDefinition.Sequence"/>. A saved
/// definition may be malformed (two roots, orphans): enabling checks it, so every reader must tolerate that.
/// </summary>
public sealed record WorkflowDefinition(IReadOnlyList<WorkflowStepDefinition> Steps)
{
    /// <summary>The steps without a parent; a valid definition has exactly one.</summary>
    public IReadOnlyList<WorkflowStepDefinition> Roots => [.. Steps.Where(step => step.ParentId is null)];

    /// <summary>The one step without a parent (the entry event), or null when there is not exactly one.</summary>
    public WorkflowStepDefinition? Root => Roots is [var root] ? root : null;

    /// <summary>The children of <paramref name="stepId"/>, in sibling order.</summary>
    public IEnumerable<WorkflowStepDefinition> ChildrenOf(string stepId) =>
        Steps.Where(step => step.ParentId == stepId).OrderBy(step => step.Sequence);

    public WorkflowStepDefinition Step(string stepId) =>
        FindStep(stepId) ?? throw new KeyNotFoundException($"The definition has no step '{stepId}'.");

    public WorkflowStepDefinition? FindStep(string stepId) => Steps.FirstOrDefault(step => step.Id == stepId);
}
