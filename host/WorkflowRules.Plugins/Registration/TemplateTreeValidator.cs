using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks the shape of a template's step tree (BC's rules for enabling a workflow): unique ids, exactly one root which
/// is the entry event, every parent and jump target a step of the template, and no step cut off from the root by a
/// loop of parents (loops back go through <see cref="TemplateStep.NextStepId"/>).
/// </summary>
internal static class TemplateTreeValidator
{
    public static void Validate(WorkflowTemplate template, string code, RegistrationProblems problems)
    {
        var steps = template.Steps.Where(s => s is not null).ToList();
        if (steps.Count < template.Steps.Count)
        {
            problems.Add($"Template {code} has a null step.");
        }

        var byId = new Dictionary<string, TemplateStep>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (string.IsNullOrWhiteSpace(step.Id))
            {
                problems.Add($"Template {code} has a step without an id ({step.Type} {step.FunctionName}).");
            }
            else if (!byId.TryAdd(step.Id, step))
            {
                problems.Add($"Template {code} has more than one step with id '{step.Id}': ids must be unique within the template.");
            }
        }

        ValidateRoot(template, code, steps, problems);
        foreach (var step in steps.Where(s => !string.IsNullOrWhiteSpace(s.Id)))
        {
            if (!IsRoot(step) && !byId.ContainsKey(step.ParentId!))
            {
                problems.Add($"Template {code}, step '{step.Id}': its parent '{step.ParentId}' is not a step of the template.");
            }
            else if (!IsRoot(step) && LeadsBackTo(step, byId))
            {
                problems.Add($"Template {code}, step '{step.Id}': its parents lead back to it, so it is not connected to the root (loop back with NextStepId instead).");
            }

            if (!string.IsNullOrWhiteSpace(step.NextStepId) && !byId.ContainsKey(step.NextStepId))
            {
                problems.Add($"Template {code}, step '{step.Id}': its next step '{step.NextStepId}' is not a step of the template.");
            }
        }
    }

    private static void ValidateRoot(WorkflowTemplate template, string code, List<TemplateStep> steps, RegistrationProblems problems)
    {
        var roots = steps.Where(IsRoot).ToList();
        if (roots.Count == 0)
        {
            problems.Add($"Template {code} has no root step: exactly one step, the entry event {template.EntryEvent}, must have no ParentId.");
        }
        else if (roots.Count > 1)
        {
            problems.Add(
                $"Template {code} has {roots.Count} root steps ({string.Join(", ", roots.Select(r => $"'{r.Id}'"))}): "
                + $"exactly one step, the entry event {template.EntryEvent}, may have no ParentId.");
        }
        else if (roots[0] is var root && (root.Type != TemplateStepType.Event || root.FunctionName != template.EntryEvent))
        {
            problems.Add($"Template {code}: its root step '{root.Id}' must be the entry event {template.EntryEvent}, found {root.Type} {root.FunctionName}.");
        }
    }

    private static bool IsRoot(TemplateStep step) => string.IsNullOrWhiteSpace(step.ParentId);

    /// <summary>Whether following the parents from <paramref name="start"/> comes back to it (so it is on a loop).</summary>
    private static bool LeadsBackTo(TemplateStep start, Dictionary<string, TemplateStep> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = start;
        while (!IsRoot(current) && byId.TryGetValue(current.ParentId!, out var parent) && seen.Add(parent.Id))
        {
            if (ReferenceEquals(parent, start))
            {
                return true;
            }

            current = parent;
        }

        return false;
    }
}
