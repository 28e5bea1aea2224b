namespace WorkflowRules.Persistence.Instances;

public enum StepType
{
    Event = 0,
    Response = 1,
    SubWorkflow = 2,
}
