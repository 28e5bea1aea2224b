namespace WorkflowRules.Persistence.Instances;

/// <summary>The state of one step of the definition inside one instance.</summary>
public sealed class InstanceStep
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The step's id inside the workflow definition; unique with <see cref="InstanceId"/>.</summary>
    public required string StepId { get; set; }

    public string? ParentStepId { get; set; }

    public StepType Type { get; set; }

    public required string FunctionName { get; set; }

    /// <summary>Order among siblings (alternatives are tried in this order; chained responses run in it).</summary>
    public int Sequence { get; set; }

    public StepStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>What the response reported when it completed.</summary>
    public string? Message { get; set; }

    /// <summary>Why the step failed, for people and for the retry action.</summary>
    public string? Error { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
