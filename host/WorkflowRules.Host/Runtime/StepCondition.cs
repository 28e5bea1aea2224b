using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>An event step's condition as it is evaluated: its C# (a pinned script as inline code) and its change rules.</summary>
/// <param name="Source">The C# part; null when the condition is only change rules.</param>
/// <param name="ChangeRules">Field-change rules; all must hold.</param>
/// <param name="ReadsApprovals">Whether the C# reads <c>Approvals</c>, so the approval state must be read first.</param>
public sealed record StepCondition(ConditionSource? Source, IReadOnlyList<FieldChangeRule> ChangeRules, bool ReadsApprovals)
{
    /// <summary>The condition of a step, or null when it has none.</summary>
    /// <param name="definition">The step's condition in its version.</param>
    /// <param name="pinnedScriptCode">The script's text pinned when the instance started; null for inline code or at start.</param>
    /// <param name="scripts">Where a script's current text is read when nothing is pinned.</param>
    public static StepCondition? From(ConditionDefinition? definition, string? pinnedScriptCode, IConditionScriptCatalog scripts)
    {
        if (definition is null)
        {
            return null;
        }

        var source = pinnedScriptCode is not null ? ConditionSource.Inline(pinnedScriptCode) : definition.ToSource();
        var rules = definition.ChangeRules ?? [];
        if (source is null && rules.Count == 0)
        {
            return null;
        }

        var text = source?.InlineCode ?? (source?.ScriptName is { } name ? scripts.GetInUseCode(name) : null);
        return new StepCondition(source, rules, ApprovalStateReader.IsReadBy(text));
    }
}
