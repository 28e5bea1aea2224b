using System.Security.Claims;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>Publishing and discarding drafts, enabling and disabling (BC-WORKFLOW.md §1, "Editing rules").</summary>
public sealed class WorkflowLifecycle(WorkflowStore store)
{
    /// <summary>The draft becomes the current version; when the workflow is enabled, every enabling check must pass first.</summary>
    public async Task<EditResult> PublishAsync(string code, string? ifMatch, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var (workflow, problem) = await store.LoadForEditAsync(code, ifMatch, cancellationToken);
        if (workflow is null)
        {
            return EditResult.Failed(problem!);
        }

        if (workflow.DraftVersion is not { } draft)
        {
            return EditResult.Failed(Problems.Conflict(
                $"Workflow '{code}' has no draft to publish: editing an enabled workflow (PUT /api/workflows/{code}) makes one, editing a disabled one publishes at once."));
        }

        if (workflow.Enabled && await store.CheckEnablingAsync(code, workflow.Category, DefinitionJson.Deserialize(draft.DefinitionJson), cancellationToken) is { IsEmpty: false } problems)
        {
            return EditResult.Failed(WorkflowProblemResults.CannotEnable(code, "published while it is enabled", problems));
        }

        WorkflowVersions.MakeCurrent(workflow, draft, user, store.Now);
        return await CommitAsync(code, workflow, transaction, cancellationToken);
    }

    public async Task<EditResult> DiscardDraftAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var (workflow, problem) = await store.LoadForEditAsync(code, ifMatch, cancellationToken);
        if (workflow is null)
        {
            return EditResult.Failed(problem!);
        }

        if (!WorkflowVersions.RemoveDraft(workflow, store.Db, store.Now))
        {
            return EditResult.Failed(Problems.NotFound($"Workflow '{code}' has no draft."));
        }

        return await CommitAsync(code, workflow, transaction, cancellationToken);
    }

    /// <summary>Enables the workflow once its current version passes every enabling check; enabling an enabled workflow changes nothing.</summary>
    public async Task<EditResult> EnableAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var (workflow, problem) = await store.LoadForEditAsync(code, ifMatch, cancellationToken);
        if (workflow is null)
        {
            return EditResult.Failed(problem!);
        }

        if (workflow.Enabled)
        {
            return EditResult.Done(workflow);
        }

        var definition = DefinitionJson.Deserialize(workflow.CurrentVersion!.DefinitionJson);
        if (await store.CheckEnablingAsync(code, workflow.Category, definition, cancellationToken) is { IsEmpty: false } problems)
        {
            return EditResult.Failed(WorkflowProblemResults.CannotEnable(code, "enabled", problems));
        }

        workflow.Enabled = true;
        workflow.UpdatedAt = store.Now;
        return await CommitAsync(code, workflow, transaction, cancellationToken);
    }

    /// <summary>
    /// New instances stop starting; running ones finish on the version they started on. Refused while an enabled workflow
    /// uses it as a sub-workflow. Disabling a disabled workflow changes nothing.
    /// </summary>
    public async Task<EditResult> DisableAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var (workflow, problem) = await store.LoadForEditAsync(code, ifMatch, cancellationToken);
        if (workflow is null)
        {
            return EditResult.Failed(problem!);
        }

        if (!workflow.Enabled)
        {
            return EditResult.Done(workflow);
        }

        if (await SubWorkflowUsers.EnabledUsersAsync(store.Db, code, cancellationToken) is { Count: > 0 } users)
        {
            return EditResult.Failed(Problems.Conflict(
                $"Workflow '{code}' is a sub-workflow of {SubWorkflowUsers.Describe(users)}, whose new instances inline it: disable or change {(users.Count == 1 ? "it" : "them")} first."));
        }

        workflow.Enabled = false;
        workflow.UpdatedAt = store.Now;
        return await CommitAsync(code, workflow, transaction, cancellationToken);
    }

    private async Task<EditResult> CommitAsync(
        string code, Persistence.Workflows.Workflow workflow, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (await store.SaveAsync(code, cancellationToken) is { } conflict)
        {
            return EditResult.Failed(conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        store.Prepare(workflow);
        return EditResult.Done(workflow);
    }
}
