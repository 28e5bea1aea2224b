using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// One check of one definition: its steps indexed once, the catalog snapshot and the other workflows it is checked
/// against, and the problems found. Tolerates any malformed tree (duplicate ids, loops of parents).
/// </summary>
internal sealed class ValidationScope
{
    private readonly Dictionary<string, WorkflowStepDefinition> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parents = new(StringComparer.Ordinal);

    public ValidationScope(WorkflowCandidate candidate, CatalogSnapshot catalog, WorkflowValidationContext context, WorkflowProblems problems)
    {
        Candidate = candidate;
        Catalog = catalog;
        Context = context;
        Problems = problems;
        foreach (var step in Steps)
        {
            _byId.TryAdd(step.Id, step);
            if (step.ParentId is not null)
            {
                _parents.Add(step.ParentId);
            }
        }
    }

    public WorkflowCandidate Candidate { get; }

    public IReadOnlyList<WorkflowStepDefinition> Steps => Candidate.Definition.Steps;

    public CatalogSnapshot Catalog { get; }

    public WorkflowValidationContext Context { get; }

    public WorkflowProblems Problems { get; }

    /// <summary>The problem key of the step at <paramref name="index"/>: <c>steps[3]</c>.</summary>
    public static string Key(int index) => $"steps[{index}]";

    /// <summary>The first step with <paramref name="id"/> (duplicates are reported by the tree rules).</summary>
    public WorkflowStepDefinition? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    public bool HasChildren(WorkflowStepDefinition step) => _parents.Contains(step.Id);

    /// <summary>
    /// The nearest event above <paramref name="step"/>: what a response or a following event comes after. Null at the
    /// root, across a sub-workflow step (its events are another workflow's), and on a loop of parents.
    /// </summary>
    public WorkflowStepDefinition? PrecedingEvent(WorkflowStepDefinition step)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { step.Id };
        for (var current = Find(step.ParentId); current is not null && seen.Add(current.Id); current = Find(current.ParentId))
        {
            switch (current.Type)
            {
                case StepType.Event:
                    return current;
                case StepType.SubWorkflow:
                    return null;
            }
        }

        return null;
    }
}
