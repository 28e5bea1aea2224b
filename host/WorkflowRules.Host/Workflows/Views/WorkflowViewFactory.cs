using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Views;

/// <summary>Builds views, checking each version shown against the plugins loaded and the workflows enabled now.</summary>
public sealed class WorkflowViewFactory(WorkflowRulesDbContext db, WorkflowValidator validator)
{
    /// <summary>The view of one workflow loaded with its versions (<see cref="WorkflowQueries"/>).</summary>
    public async Task<WorkflowView> CreateAsync(Workflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var definitions = new[] { workflow.CurrentVersion, workflow.DraftVersion }.OfType<WorkflowVersion>().Select(v => DefinitionJson.Deserialize(v.DefinitionJson)).ToList();
        return Create(workflow, await WorkflowValidationContextLoader.LoadForAsync(db, definitions, cancellationToken));
    }

    /// <summary>The views of many workflows, checked against one context of every workflow.</summary>
    public async Task<List<WorkflowView>> CreateAsync(IReadOnlyCollection<Workflow> workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var context = await WorkflowValidationContextLoader.LoadAllAsync(db, cancellationToken);
        return [.. workflows.Select(w => Create(w, context))];
    }

    public WorkflowView Create(Workflow workflow, WorkflowValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var current = workflow.CurrentVersion is null ? null : CreateVersion(workflow, workflow.CurrentVersion, context);
        return new WorkflowView(
            workflow.Code,
            workflow.Description,
            workflow.Category,
            workflow.Enabled,
            workflow.IsTemplate,
            workflow.TemplateSource,
            current?.Number,
            current?.EntryEvent,
            current?.Steps ?? [],
            current?.Valid ?? false,
            current?.Problems ?? new Dictionary<string, string[]> { ["steps"] = ["The workflow has no published version."] },
            workflow.DraftVersion is null ? null : CreateVersion(workflow, workflow.DraftVersion, context),
            [.. workflow.Versions.OrderBy(v => v.Number).Select(v => WorkflowVersionSummary.From(workflow, v))],
            WorkflowETag.Format(workflow.RowVersion),
            workflow.CreatedAt,
            workflow.UpdatedAt);
    }

    public WorkflowVersionView CreateVersion(Workflow workflow, WorkflowVersion version, WorkflowValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(version);
        var definition = DefinitionJson.Deserialize(version.DefinitionJson);
        var problems = validator.Validate(new WorkflowCandidate(workflow.Code, workflow.Category, definition), context).ToDictionary();
        var summary = WorkflowVersionSummary.From(workflow, version);
        return new WorkflowVersionView(
            summary.Number,
            summary.State,
            summary.Current,
            summary.CreatedAt,
            summary.CreatedBy,
            summary.PublishedAt,
            summary.PublishedBy,
            definition.Root is { Type: StepType.Event } root ? root.FunctionName : null,
            [.. definition.Steps.Select(StepView.From)],
            problems.Count == 0,
            problems);
    }
}
