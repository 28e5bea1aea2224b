using System.Security.Claims;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// Adds versions to a tracked workflow. Published versions are never changed; a draft is replaced by removing it and
/// adding a new one (with its number), so that a cached definition can never be a stale one.
/// </summary>
public static class WorkflowVersions
{
    /// <summary>A new version numbered after the published ones (a draft, removed first, gives its number back).</summary>
    public static WorkflowVersion Add(Workflow workflow, WorkflowDefinition definition, ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(definition);
        var version = new WorkflowVersion
        {
            Id = Guid.NewGuid(),
            WorkflowId = workflow.Id,
            Number = workflow.Versions.Count == 0 ? 1 : workflow.Versions.Max(v => v.Number) + 1,
            EntryEvent = definition.Root?.FunctionName ?? "",
            DefinitionJson = DefinitionJson.Serialize(definition),
            CreatedAt = now,
            CreatedBy = UserName(user),
        };
        workflow.Versions.Add(version);
        workflow.UpdatedAt = now;
        return version;
    }

    /// <summary>Publishes <paramref name="version"/> (if it is not yet) and makes it the one new instances start on.</summary>
    public static void MakeCurrent(Workflow workflow, WorkflowVersion version, ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(version);
        version.PublishedAt ??= now;
        version.PublishedBy ??= UserName(user);
        workflow.CurrentVersion = version;
        workflow.CurrentVersionId = version.Id;
        var root = DefinitionJson.Deserialize(version.DefinitionJson).Root;
        workflow.EntryEvent = root?.Type == StepType.Event ? root.FunctionName : null;
        if (workflow.DraftVersionId == version.Id)
        {
            workflow.DraftVersion = null;
            workflow.DraftVersionId = null;
        }

        workflow.UpdatedAt = now;
    }

    /// <summary>Makes <paramref name="version"/> the draft: the edit of an enabled workflow, waiting to be published.</summary>
    public static void MakeDraft(Workflow workflow, WorkflowVersion version)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(version);
        workflow.DraftVersion = version;
        workflow.DraftVersionId = version.Id;
    }

    /// <summary>Removes the draft, if any. Save before adding a version: the draft's number is given back.</summary>
    public static bool RemoveDraft(Workflow workflow, Persistence.WorkflowRulesDbContext db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(db);
        if (workflow.DraftVersion is not { } draft)
        {
            return false;
        }

        workflow.DraftVersion = null;
        workflow.DraftVersionId = null;
        workflow.Versions.Remove(draft);
        db.WorkflowVersions.Remove(draft);
        workflow.UpdatedAt = now;
        return true;
    }

    public static string UserName(ClaimsPrincipal user) => user?.Identity?.Name ?? "unknown";
}
