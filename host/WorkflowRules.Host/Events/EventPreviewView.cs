using WorkflowRules.Host.Runtime;

namespace WorkflowRules.Host.Events;

/// <summary>
/// Whether an enabled workflow would react to an event for a record, and how — answered without storing or starting
/// anything (BC uses it to show "send for approval" and to block a manual release while an approval applies).
/// </summary>
public sealed record EventPreviewView(
    bool WouldReact,
    IReadOnlyList<ContinuedInstanceView> WouldContinue,
    Guid? WouldQueueBehindInstanceId,
    IReadOnlyList<PreviewStartView> WouldStart,
    IReadOnlyList<ConditionError> ConditionErrors)
{
    public static EventPreviewView From(EventPlan plan) => new(
        plan.Reacts,
        plan.Continuations.Select(c => new ContinuedInstanceView(c.Instance.Id, c.Instance.WorkflowCode, c.Step.StepId, $"/api/instances/{c.Instance.Id}")).ToList(),
        plan.QueueBehind?.Id,
        plan.Starts.Select(s => new PreviewStartView(s.Workflow.Code, s.Version.Number)).ToList(),
        plan.Errors);
}

public sealed record PreviewStartView(string WorkflowCode, int WorkflowVersion);
