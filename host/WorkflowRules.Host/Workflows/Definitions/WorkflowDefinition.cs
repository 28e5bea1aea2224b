namespace WorkflowRules.Host.Workflows.Definitions;

/// <summary>
/// The step tree of one workflow version, stored as JSON in the version row and never changed
/// afterwards. Steps point at their parent; siblings are ordered by <see cref="WorkflowStepDefinition.Sequence"/>.
/// </summary>
public sealed record WorkflowDefinition(IReadOnlyList<WorkflowStepDefinition> Steps)
{
    /// <summary>The one step without a parent: the entry event.</summary>
    public WorkflowStepDefinition Root => Steps.Single(step => step.ParentId is null);

    /// <summary>The children of <paramref name="stepId"/>, in sibling order.</summary>
    public IEnumerable<WorkflowStepDefinition> ChildrenOf(string stepId) =>
        Steps.Where(step => step.ParentId == stepId).OrderBy(step => step.Sequence);

    public WorkflowStepDefinition Step(string stepId) => Steps.Single(step => step.Id == stepId);
}
