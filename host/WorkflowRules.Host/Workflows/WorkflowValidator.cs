using WorkflowRules.Conditions;
using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// Checks a definition against the loaded plugins, the condition compiler and the other workflows. Problems are keyed
/// by the step they concern (<c>steps[4].options.text</c>), so an editor can put each next to its cause; every
/// message names the step and says what to do.
/// </summary>
public sealed class WorkflowValidator(IPluginCatalog catalog, IConditionValidator conditionValidator, FieldChangeRuleEvaluator changeRules)
{
    private readonly ConditionChecks _conditions = new(conditionValidator);

    /// <summary>
    /// What a save refuses outright: conditions (C# and change rules) of events offered by the loaded plugins that
    /// do not compile or do not fit the record type. Compile errors surface when a workflow is saved, never at run time.
    /// </summary>
    public WorkflowProblems ValidateConditions(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new WorkflowProblems();
        var snapshot = catalog.Current;
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            if (step.Type == StepType.Event && snapshot.Events.TryGetValue(step.FunctionName, out var descriptor))
            {
                ConditionRules.Check(step, i, descriptor, _conditions, changeRules, problems);
            }
        }

        return problems;
    }

    /// <summary>
    /// Every check that enabling (or publishing into an enabled workflow) requires (BC-WORKFLOW.md §1): the tree's
    /// shape, the catalog's functions, options, conditions and combinations, sub-workflows, unambiguous entry points
    /// across the enabled workflows in <paramref name="context"/>, paired responses and the category.
    /// </summary>
    public WorkflowProblems Validate(WorkflowCandidate candidate, WorkflowValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        var scope = new ValidationScope(candidate, catalog.Current, context, new WorkflowProblems());
        if (candidate.Category is { } category && !scope.Catalog.Categories.ContainsKey(category))
        {
            scope.Problems.Add("category", $"Category '{category}' is unknown: use one of {string.Join(", ", scope.Catalog.Categories.Keys.Order(StringComparer.Ordinal))}, or none.");
        }

        TreeRules.Check(scope);
        FunctionRules.Check(scope, _conditions, changeRules);
        CombinationRules.Check(scope);
        SubWorkflowRules.Check(scope);
        EntryPointRules.Check(scope);
        ResponsePairRules.Check(scope);
        return scope.Problems;
    }
}
