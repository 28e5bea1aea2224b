using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// How an instance's steps move (BC-WORKFLOW.md §2): a matched event completes and ignores its sibling alternatives;
/// a completed step activates its jump target, or else its children; an active response is runnable, an active event
/// waits. Pure functions over the loaded instance: the caller saves the result in one commit.
/// </summary>
public static class StepActivation
{
    public static void CompleteEvent(WorkflowInstance instance, InstanceStep step, Guid eventId, DateTimeOffset now)
    {
        step.Status = StepStatus.Completed;
        step.StartedAt ??= now;
        step.CompletedAt = now;
        step.CompletedByEventId = eventId;
        foreach (var sibling in instance.Steps)
        {
            if (sibling != step && sibling.Type == StepType.Event && sibling.Status == StepStatus.Active
                && string.Equals(sibling.ParentStepId, step.ParentStepId, StringComparison.Ordinal))
            {
                sibling.Status = StepStatus.Ignored;
                sibling.CompletedAt = now;
            }
        }

        ActivateFollowers(instance, step);
        instance.UpdatedAt = now;
    }

    public static void CompleteResponse(WorkflowInstance instance, InstanceStep step, DateTimeOffset now)
    {
        step.Status = StepStatus.Completed;
        step.CompletedAt = now;
        ActivateFollowers(instance, step);
        instance.UpdatedAt = now;
    }

    /// <summary>Completes and archives the instance when nothing is active or processing any more.</summary>
    /// <returns>Whether it completed now.</returns>
    public static bool CompleteIfFinished(WorkflowInstance instance, DateTimeOffset now)
    {
        if (instance.Status != InstanceStatus.Running || instance.Steps.Any(s => s.Status is StepStatus.Active or StepStatus.Processing))
        {
            return false;
        }

        instance.Status = InstanceStatus.Completed;
        instance.CompletedAt = now;
        instance.ArchivedAt = now;
        instance.UpdatedAt = now;
        return true;
    }

    /// <summary>The response to run next: one a crash left processing, else the first active one.</summary>
    public static InstanceStep? NextRunnable(WorkflowInstance instance) =>
        instance.Steps
            .Where(s => s.Type == StepType.Response && s.Status is StepStatus.Active or StepStatus.Processing)
            .OrderByDescending(s => s.Status == StepStatus.Processing)
            .ThenBy(s => s.Sequence)
            .ThenBy(s => s.StepId, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Whether responses are still to run (or failed): events for the instance must wait behind them.</summary>
    public static bool IsBusy(WorkflowInstance instance) =>
        instance.Status == InstanceStatus.Failed
        || instance.Steps.Any(s => s.Type == StepType.Response && s.Status is StepStatus.Active or StepStatus.Processing or StepStatus.Failed);

    /// <summary>A jump activates its target (an event then waits, a response runs); otherwise every child becomes active.</summary>
    private static void ActivateFollowers(WorkflowInstance instance, InstanceStep step)
    {
        if (step.NextStepId is { } next)
        {
            var target = instance.Steps.FirstOrDefault(s => string.Equals(s.StepId, next, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Step '{step.StepId}' of instance {instance.Id} jumps to step '{next}', which the instance does not have.");
            Activate(target);
            return;
        }

        foreach (var child in instance.Steps.Where(s => string.Equals(s.ParentStepId, step.StepId, StringComparison.Ordinal)))
        {
            Activate(child);
        }
    }

    /// <summary>Also re-activates a step completed before (a loop back): its state starts afresh, its activation count goes on.</summary>
    private static void Activate(InstanceStep step)
    {
        step.Status = StepStatus.Active;
        step.Activation++;
        step.Attempts = 0;
        step.Error = null;
        step.StartedAt = null;
        step.CompletedAt = null;
        step.CompletedByEventId = null;
    }
}
