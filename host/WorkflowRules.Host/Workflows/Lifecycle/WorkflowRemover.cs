using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// Deletes a workflow with all its versions (BC-WORKFLOW.md §1, "Editing rules"): refused while it is enabled, is a
/// template, has live instances (its own, or others' that inlined it as a sub-workflow), or an enabled workflow
/// uses it as a sub-workflow. Archived instances stay, keeping its code and version number (their version link is
/// cleared by the database).
/// </summary>
public sealed class WorkflowRemover(WorkflowStore store)
{
    /// <returns>Null when deleted; otherwise why not.</returns>
    public async Task<ProblemHttpResult?> DeleteAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        var db = store.Db;
        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var (workflow, problem) = await store.LoadForEditAsync(code, ifMatch, cancellationToken);
        if (workflow is null)
        {
            return problem;
        }

        if (workflow.Enabled)
        {
            return Problems.Conflict($"Workflow '{code}' is enabled: disable it first (POST /api/workflows/{code}/disable), then delete it.");
        }

        var versionIds = workflow.Versions.Select(v => v.Id).ToList();
        var live = await db.WorkflowInstances
            .Where(i => i.ArchivedAt == null
                && (i.WorkflowCode == code
                    || (i.WorkflowVersionId != null && versionIds.Contains(i.WorkflowVersionId.Value))
                    || db.InstanceSteps.Any(s => s.InstanceId == i.Id && versionIds.Contains(s.DefinitionVersionId))))
            .CountAsync(cancellationToken);
        if (live > 0)
        {
            return Problems.Conflict(
                $"Workflow '{code}' has {live} live instance{(live == 1 ? "" : "s")} (running, or finished but not archived yet): " +
                "let them finish or remove them first (GET /api/instances lists them). Archived instances do not stop a delete.");
        }

        if (await SubWorkflowUsers.EnabledUsersAsync(db, code, cancellationToken) is { Count: > 0 } users)
        {
            return Problems.Conflict($"Workflow '{code}' is a sub-workflow of {SubWorkflowUsers.Describe(users)}: change or disable {(users.Count == 1 ? "it" : "them")} first.");
        }

        // The versions go with the workflow (cascade); the workflow's links to them are cleared first so that no
        // restrict rule fires, and only if nobody changed the workflow since it was read.
        var cleared = await db.Workflows.Where(w => w.Id == workflow.Id && w.RowVersion == workflow.RowVersion)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.CurrentVersionId, (Guid?)null).SetProperty(w => w.DraftVersionId, (Guid?)null), cancellationToken);
        if (cleared == 0)
        {
            return WorkflowProblemResults.Stale(code);
        }

        await db.Workflows.Where(w => w.Id == workflow.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
