namespace WorkflowRules.Sdk.Templates;

/// <summary>What a template step is.</summary>
public enum TemplateStepType
{
    /// <summary>Waits for an event (the root step is the entry event).</summary>
    Event = 0,

    /// <summary>Runs a response.</summary>
    Response = 1,

    /// <summary>Inlines another workflow, named by its code in <see cref="TemplateStep.FunctionName"/>.</summary>
    SubWorkflow = 2,
}
