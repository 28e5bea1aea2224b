using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// Creates and edits workflows. A disabled workflow's edit is published at once; an enabled workflow's edit becomes
/// its draft (replacing any earlier one) and new instances keep starting on the current version until it is published.
/// </summary>
public sealed class WorkflowEditor(WorkflowStore store, WorkflowValidator validator, IPluginCatalog catalog)
{
    public async Task<EditResult> CreateAsync(WorkflowRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (definition, unreadable) = Read(request);
        if (definition is null)
        {
            return EditResult.Failed(unreadable!);
        }

        var code = request.Code!;
        var category = Blank(request.Category);
        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        if (await store.Db.Workflows.AnyAsync(w => w.Code == code, cancellationToken))
        {
            return EditResult.Failed(Problems.Conflict($"A workflow with the code '{code}' exists already; change it with PUT /api/workflows/{code}."));
        }

        if (request.Enabled == true && await store.CheckEnablingAsync(code, category, definition, cancellationToken) is { IsEmpty: false } problems)
        {
            return EditResult.Failed(WorkflowProblemResults.CannotEnable(code, "enabled", Keyed(problems, request)));
        }

        var now = store.Now;
        var workflow = new Workflow { Id = Guid.NewGuid(), Code = code, Description = request.Description!.Trim(), Category = category, CreatedAt = now };
        store.Db.Workflows.Add(workflow);
        WorkflowVersions.MakeCurrent(workflow, WorkflowVersions.Add(workflow, definition, user, now), user, now);
        workflow.Enabled = request.Enabled == true;
        if (await store.SaveAsync(code, cancellationToken) is { } conflict)
        {
            return EditResult.Failed(conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        store.Prepare(workflow);
        return EditResult.Done(workflow);
    }

    public async Task<EditResult> UpdateAsync(string code, WorkflowRequest request, string? ifMatch, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { Code = code };
        var (definition, unreadable) = Read(request);
        if (definition is null)
        {
            return EditResult.Failed(unreadable!);
        }

        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var (workflow, problem) = await store.LoadForEditAsync(code, ifMatch, cancellationToken);
        if (workflow is null)
        {
            return EditResult.Failed(problem!);
        }

        var category = Blank(request.Category);
        var enable = !workflow.Enabled && request.Enabled == true;
        if (workflow.Enabled && category is not null && !catalog.Current.Categories.ContainsKey(category))
        {
            // The header is not versioned: on an enabled workflow a category applies at once, so it must be known now.
            return EditResult.Failed(Problems.Validation("category", $"Category '{category}' is unknown: use one of {string.Join(", ", catalog.Current.Categories.Keys.Order(StringComparer.Ordinal))}, or none."));
        }

        if (enable && await store.CheckEnablingAsync(code, category, definition, cancellationToken) is { IsEmpty: false } problems)
        {
            return EditResult.Failed(WorkflowProblemResults.CannotEnable(code, "enabled", Keyed(problems, request)));
        }

        workflow.Description = request.Description!.Trim();
        workflow.Category = category;
        var now = store.Now;
        if (WorkflowVersions.RemoveDraft(workflow, store.Db, now) && await store.SaveAsync(code, cancellationToken) is { } conflict)
        {
            return EditResult.Failed(conflict);
        }

        var version = WorkflowVersions.Add(workflow, definition, user, now);
        if (workflow.Enabled)
        {
            WorkflowVersions.MakeDraft(workflow, version);
        }
        else
        {
            WorkflowVersions.MakeCurrent(workflow, version, user, now);
            workflow.Enabled = enable;
        }

        if (await store.SaveAsync(code, cancellationToken) is { } saveConflict)
        {
            return EditResult.Failed(saveConflict);
        }

        await transaction.CommitAsync(cancellationToken);
        store.Prepare(workflow);
        return EditResult.Done(workflow);
    }

    /// <summary>The definition of a readable request whose conditions compile; otherwise a 400 keyed by the fields sent.</summary>
    private (WorkflowDefinition? Definition, ProblemHttpResult? Problem) Read(WorkflowRequest request)
    {
        var (definition, errors) = WorkflowRequestReader.Read(request);
        if (definition is null)
        {
            return (null, WorkflowProblemResults.Invalid(errors));
        }

        var conditions = validator.ValidateConditions(definition);
        return conditions.IsEmpty ? (definition, null) : (null, WorkflowProblemResults.Invalid(Keyed(conditions, request)));
    }

    private static WorkflowProblems Keyed(WorkflowProblems problems, WorkflowRequest request) =>
        request.IsSimpleShape ? problems.Rename(SimpleShapeKeys.Rename) : problems;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
