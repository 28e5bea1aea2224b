namespace WorkflowRules.Persistence.Instances;

/// <summary>The state of one step of the definition inside one instance.</summary>
public sealed class InstanceStep
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The step's id inside the workflow definition; unique with <see cref="InstanceId"/>.</summary>
    public required string StepId { get; set; }

    public string? ParentStepId { get; set; }

    /// <summary>The step activated when this one completes, instead of its children (a loop back).</summary>
    public string? NextStepId { get; set; }

    /// <summary>The immutable version whose definition holds this step's condition or options (a sub-workflow's, when inlined).</summary>
    public Guid DefinitionVersionId { get; set; }

    /// <summary>The step's id inside that version's definition.</summary>
    public required string DefinitionStepId { get; set; }

    /// <summary>For an event step whose condition is a script: the script's text when the instance started, so an edit never changes a running instance.</summary>
    public string? ScriptCode { get; set; }

    /// <summary>For a response step: the plugin and version that offered it when the instance started.</summary>
    public string? PluginId { get; set; }

    public string? PluginVersion { get; set; }

    public StepType Type { get; set; }

    public required string FunctionName { get; set; }

    /// <summary>Order among siblings (alternatives are tried in this order; chained responses run in it).</summary>
    public int Sequence { get; set; }

    public StepStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>How many times the step was activated (a loop back activates it again); part of a response's idempotency key.</summary>
    public int Activation { get; set; }

    /// <summary>For an event step: the occurrence that completed it.</summary>
    public Guid? CompletedByEventId { get; set; }

    /// <summary>What the response reported when it completed.</summary>
    public string? Message { get; set; }

    /// <summary>Why the step failed, for people and for the retry action.</summary>
    public string? Error { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
