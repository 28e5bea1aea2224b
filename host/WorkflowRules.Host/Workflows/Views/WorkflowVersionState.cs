namespace WorkflowRules.Host.Workflows.Views;

/// <summary>Whether a version was published (immutable from then on) or is the draft waiting to be.</summary>
public enum WorkflowVersionState
{
    Published = 0,
    Draft = 1,
}
