using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// What one occurrence does (BC-WORKFLOW.md §2), decided before anything changes — so a preview can show it and the
/// caller can apply it in one commit.
/// </summary>
/// <param name="Continuations">Running instances the occurrence moves on: the matched waiting event step of each.</param>
/// <param name="QueueBehind">An instance whose responses are still running (or failed): the whole occurrence waits behind it.</param>
/// <param name="Starts">Enabled workflows it starts; only when it continues no instance.</param>
/// <param name="Errors">Conditions that could not be evaluated (their steps or workflows were skipped), and workflows that could not start.</param>
/// <param name="Enabled">The enabled workflows the plan was made against (sub-workflows are inlined from them).</param>
public sealed record EventPlan(
    IReadOnlyList<Continuation> Continuations,
    WorkflowInstance? QueueBehind,
    IReadOnlyList<WorkflowMatch> Starts,
    List<ConditionError> Errors,
    EnabledWorkflowSet Enabled)
{
    public bool Reacts => Continuations.Count > 0 || QueueBehind is not null || Starts.Count > 0;
}

/// <summary>A running instance and its waiting event step that an occurrence matched.</summary>
public sealed record Continuation(WorkflowInstance Instance, InstanceStep Step);
