using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>Which response of an instance runs next: responses of a chain run strictly in order.</summary>
public static class ResponseOrder
{
    /// <summary>The first active response whose predecessor is done, or null.</summary>
    public static InstanceStep? NextRunnable(WorkflowInstance instance)
    {
        var byId = instance.Steps.ToDictionary(s => s.StepId, StringComparer.Ordinal);
        return instance.Steps
            .Where(s => s.Type == StepType.Response && s.Status is StepStatus.Active or StepStatus.Processing)
            .Where(s => s.ParentStepId is not null && byId.TryGetValue(s.ParentStepId, out var parent) && parent.Status == StepStatus.Completed)
            .OrderBy(s => s.Sequence)
            .FirstOrDefault();
    }

    /// <summary>Nothing is left to run or running: the instance is done.</summary>
    public static bool IsFinished(WorkflowInstance instance) =>
        !instance.Steps.Any(s => s.Status is StepStatus.Active or StepStatus.Processing);
}
