using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Instances;

/// <summary>What operators and administrators do to instances. Archived instances are read-only except for deletion.</summary>
internal static class InstanceCommands
{
    /// <summary>
    /// Runs a failed step again — on the plugin version loaded now, which the retry re-pins: a retry is the explicit
    /// decision a silent switch of plugin versions would lack.
    /// </summary>
    public static async Task<Results<Accepted<InstanceView>, ProblemHttpResult>> RetryAsync(
        Guid id, string stepId, WorkflowRulesDbContext db, IPluginCatalog catalog, OutboxSignal outboxSignal, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var step = instance?.Steps.SingleOrDefault(s => s.StepId == stepId);
        if (instance is null || step is null)
        {
            return Problems.NotFound($"Instance {id} has no step '{stepId}'.");
        }

        if (instance.ArchivedAt is not null)
        {
            return Problems.Conflict($"Instance {id} is archived ({instance.Status}); archived instances are read-only.");
        }

        if (step.Status != StepStatus.Failed)
        {
            return Problems.Conflict($"Step '{stepId}' is {step.Status}; only a failed step can be retried.");
        }

        var snapshot = catalog.Current;
        if (step.PluginId is not null && snapshot.Responses.TryGetValue(step.FunctionName, out var response))
        {
            step.PluginId = response.PluginId;
            step.PluginVersion = snapshot.Plugins.FirstOrDefault(p => p.State == PluginState.Loaded && p.Id == response.PluginId)?.Version;
        }

        var now = timeProvider.GetUtcNow();
        step.Status = StepStatus.Active;
        step.CompletedAt = null;
        instance.Status = InstanceStatus.Running;
        instance.UpdatedAt = now;
        db.OutboxMessages.Add(InstanceFactory.RunRequest(instance.Id, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Instance {id} changed while retrying; read it again.");
        }

        outboxSignal.Notify();
        return TypedResults.Accepted($"/api/instances/{id}", InstanceView.From(instance));
    }

    /// <summary>Removes a live instance that cannot finish because its workflow was disabled (or deleted): it is archived as Removed.</summary>
    public static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> RemoveAsync(
        Guid id, WorkflowRulesDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound($"No instance has the id {id}.");
        }

        if (instance.ArchivedAt is not null)
        {
            return Problems.Conflict($"Instance {id} is archived already; delete archived instances with DELETE /api/instances/archive.");
        }

        var enabled = await db.Workflows.AnyAsync(w => w.Code == instance.WorkflowCode && w.Enabled, cancellationToken);
        if (enabled)
        {
            return Problems.Conflict(
                $"Workflow '{instance.WorkflowCode}' is enabled, so instance {id} may still finish. Disable the workflow first to remove its stuck instances.");
        }

        var now = timeProvider.GetUtcNow();
        instance.Status = InstanceStatus.Removed;
        instance.CompletedAt = now;
        instance.ArchivedAt = now;
        instance.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Instance {id} changed while removing it; read it again.");
        }

        return TypedResults.Ok(InstanceView.From(instance));
    }

    /// <summary>Deletes archived instances (all, or those of one workflow and/or archived before a time); live ones are never touched.</summary>
    public static async Task<Ok<ArchiveDeletion>> DeleteArchivedAsync(
        string? workflow, DateTimeOffset? archivedBefore, WorkflowRulesDbContext db, CancellationToken cancellationToken)
    {
        var query = db.WorkflowInstances.Where(i => i.ArchivedAt != null);
        query = workflow is null ? query : query.Where(i => i.WorkflowCode == workflow);
        query = archivedBefore is null ? query : query.Where(i => i.ArchivedAt < archivedBefore);
        var deleted = await query.ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(new ArchiveDeletion(deleted));
    }
}
