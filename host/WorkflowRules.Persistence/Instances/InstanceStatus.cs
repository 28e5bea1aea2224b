namespace WorkflowRules.Persistence.Instances;

public enum InstanceStatus
{
    Running = 0,
    Completed = 1,

    /// <summary>A response threw; the failed step can be retried.</summary>
    Failed = 2,

    /// <summary>Removed by an administrator before it finished (e.g. stuck on a disabled workflow); archived.</summary>
    Removed = 3,
}
