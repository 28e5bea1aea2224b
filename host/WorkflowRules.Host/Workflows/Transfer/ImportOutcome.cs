namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>What importing did with one workflow of the document.</summary>
public enum ImportOutcome
{
    /// <summary>A new workflow, disabled, with the imported steps as version 1.</summary>
    Created = 0,

    /// <summary>An existing disabled workflow: the imported steps are its new current version.</summary>
    Published = 1,

    /// <summary>An existing enabled workflow: the imported steps are its draft, to publish when ready.</summary>
    Drafted = 2,
}
