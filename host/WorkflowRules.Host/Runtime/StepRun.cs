namespace WorkflowRules.Host.Runtime;

/// <summary>How running one response step ended.</summary>
public enum StepRun
{
    /// <summary>The response threw or could not run: the step and the instance are Failed, awaiting a retry.</summary>
    Failed,

    /// <summary>The step completed and raised no events.</summary>
    Completed,

    /// <summary>The step completed and raised events, stored Pending until the instance's responses are done.</summary>
    CompletedWithEvents,
}
