using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// Entry points must never be ambiguous (BC-WORKFLOW.md §1): when another enabled workflow starts with the same event
/// (hence the same record type), both must have a condition and the conditions must differ.
/// </summary>
internal static class EntryPointRules
{
    public static void Check(ValidationScope scope)
    {
        var roots = scope.Steps.Select((step, index) => (step, index)).Where(s => s.step.ParentId is null).ToList();
        if (roots is not [var (root, index)] || root.Type != StepType.Event)
        {
            return;
        }

        var key = $"{ValidationScope.Key(index)}.condition";
        var mine = ConditionText.Normalize(root.Condition);
        foreach (var other in scope.Context.EnabledStartingWith(root.FunctionName).Where(w => w.Code != scope.Candidate.Code))
        {
            var theirs = ConditionText.Normalize(other.Definition!.Root!.Condition);
            if (theirs is null)
            {
                scope.Problems.Add(key, $"Enabled workflow '{other.Code}' also starts with event '{root.FunctionName}', without a condition: give it a condition first (or disable it), then give this entry point a different one.");
            }
            else if (mine is null)
            {
                scope.Problems.Add(key, $"Enabled workflow '{other.Code}' also starts with event '{root.FunctionName}': give this entry point a condition, different from {other.Code}'s ({other.Definition.Root.Condition!.Describe()}).");
            }
            else if (mine == theirs)
            {
                scope.Problems.Add(key, $"Enabled workflow '{other.Code}' starts with event '{root.FunctionName}' under the same condition ({root.Condition!.Describe()}): make the conditions differ, so an event never starts both.");
            }
        }
    }
}
