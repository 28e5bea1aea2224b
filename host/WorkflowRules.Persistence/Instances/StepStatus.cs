namespace WorkflowRules.Persistence.Instances;

public enum StepStatus
{
    Inactive = 0,
    Active = 1,
    Processing = 2,
    Completed = 3,
    Ignored = 4,
    Failed = 5,
}
