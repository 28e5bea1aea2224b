using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Runs one response step: runs the plugin's response (shown as processing if it takes long: <see cref="SlowStepMarker"/>),
/// then commits its completion, the changed record, the events it raised and — when it was the last step — the
/// instance's completion together, or its failure with the error, ready for a retry.
/// </summary>
public sealed partial class ResponseStepExecutor(
    IPluginCatalog catalog,
    WorkflowDefinitionCache definitions,
    SlowStepMarker slowSteps,
    TimeProvider timeProvider,
    ILogger<ResponseStepExecutor> logger)
{
    /// <summary>
    /// Runs <paramref name="step"/> and commits its outcome. With <paramref name="runEndsWhenIdle"/> (no events were
    /// queued behind the instance) a completion that leaves no response to run and raises no events ends the run, so its
    /// commit also releases the run lock (<see cref="InstanceRunLock.SaveAndReleaseAsync"/>).
    /// </summary>
    public async Task<StepRun> ExecuteAsync(
        WorkflowRulesDbContext db, WorkflowInstance instance, InstanceStep step, bool runEndsWhenIdle, CancellationToken cancellationToken)
    {
        // Saved with the outcome (or by the slow-step mark), not on their own.
        step.Status = StepStatus.Processing;
        step.Attempts++;
        step.StartedAt = timeProvider.GetUtcNow();
        step.Error = null;
        instance.UpdatedAt = step.StartedAt.Value;

        var definition = definitions.TryGet(step.DefinitionVersionId)
            ?? definitions.Get(await db.WorkflowVersions.AsNoTracking().SingleAsync(v => v.Id == step.DefinitionVersionId, cancellationToken));
        var options = definition.Step(step.DefinitionStepId).Options;

        using var lease = catalog.Acquire();
        var snapshot = lease.Snapshot;
        if (!snapshot.Responses.TryGetValue(step.FunctionName, out var response))
        {
            return await FailAsync(db, instance, step, $"Response '{step.FunctionName}' is not offered by any loaded plugin; load the plugin, then retry the step.", cancellationToken);
        }

        if (PluginChange(step, response, snapshot) is { } changed)
        {
            return await FailAsync(db, instance, step, changed, cancellationToken);
        }

        if (!snapshot.RecordTypes.TryGetValue(instance.RecordType, out var recordType))
        {
            return await FailAsync(db, instance, step, $"Record type '{instance.RecordType}' is not offered by any loaded plugin; load the plugin, then retry the step.", cancellationToken);
        }

        var record = StoredRecord.Parse(recordType, instance.RecordJson);
        var previous = instance.PreviousRecordJson is null ? null : StoredRecord.Parse(recordType, instance.PreviousRecordJson);
        var raiser = new RaisedEventCollector();
        var invocation = new ResponseInvocation(
            record, previous, options,
            new WorkflowStepInfo(instance.Id, instance.WorkflowCode, instance.WorkflowVersionNumber, step.StepId),
            instance.ActingUser, IdempotencyKey(instance, step), raiser)
        {
            OriginalRecord = instance.OriginalRecordJson is null ? null : StoredRecord.Parse(recordType, instance.OriginalRecordJson),
        };

        ResponseResult? result = null;
        Exception? thrown = null;
        // Disposed before the outcome is saved: a slow-step mark under way is written first, never over the outcome.
        await using (slowSteps.MarkIfSlow(step))
        {
            try
            {
                result = await response.InvokeAsync(invocation, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // Shutting down: the step stays Active (or Processing) and the job runs again.
            }
            catch (Exception exception)
            {
                thrown = exception;
            }
        }

        if (thrown is not null)
        {
            LogResponseFailed(logger, thrown, step.FunctionName, instance.Id, step.StepId);
            return await FailAsync(db, instance, step, $"{thrown.GetType().Name}: {thrown.Message}", cancellationToken);
        }

        if (result is null)
        {
            return await FailAsync(db, instance, step, $"Response '{step.FunctionName}' returned no result (a plugin defect).", cancellationToken);
        }

        var raisedEvents = new List<ReceivedEvent>();
        for (var index = 0; index < raiser.Raised.Count; index++)
        {
            var raised = raiser.Raised[index];
            if (!snapshot.Events.TryGetValue(raised.EventName, out var eventDescriptor))
            {
                return await FailAsync(db, instance, step, $"Response '{step.FunctionName}' raised event '{raised.EventName}', which no loaded plugin offers.", cancellationToken);
            }

            raisedEvents.Add(ToReceivedEvent(instance, step, index, raised, eventDescriptor));
        }

        var now = timeProvider.GetUtcNow();
        step.Message = result.Message;
        if (result.UpdatedRecord is not null)
        {
            // The first change keeps the record as the event carried it, for responses that apply a held-back change.
            instance.OriginalRecordJson ??= instance.RecordJson;
            instance.RecordJson = recordType.Serialize(result.UpdatedRecord);
        }

        db.ReceivedEvents.AddRange(raisedEvents);
        StepActivation.CompleteResponse(instance, step, now);
        // Completing (and archiving) with the last step saves the instance a commit of its own.
        StepActivation.CompleteIfFinished(instance, now);

        if (runEndsWhenIdle && raisedEvents.Count == 0 && StepActivation.NextRunnable(instance) is null)
        {
            await InstanceRunLock.SaveAndReleaseAsync(db, instance.Id, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return raisedEvents.Count > 0 ? StepRun.CompletedWithEvents : StepRun.Completed;
    }

    private ReceivedEvent ToReceivedEvent(WorkflowInstance instance, InstanceStep step, int index, RaisedEvent raised, EventDescriptor descriptor) => new()
    {
        Id = Guid.NewGuid(),
        EventName = descriptor.FunctionName,
        RecordType = descriptor.RecordType.Name,
        RecordKey = descriptor.RecordType.GetKey(raised.Record),
        RecordJson = descriptor.RecordType.Serialize(raised.Record),
        PreviousRecordJson = raised.PreviousRecord is null ? null : descriptor.RecordType.Serialize(raised.PreviousRecord),
        ActingUser = instance.ActingUser,
        OccurredAt = timeProvider.GetUtcNow(),
        ReceivedAt = timeProvider.GetUtcNow(),
        // Stable per step activation and position: the unique index stores a re-run's events once.
        IdempotencyKey = $"raised:{IdempotencyKey(instance, step)}:{index}",
        RaisedByInstanceId = instance.Id,
        QueuedForInstanceId = instance.Id,
        Status = ReceivedEventStatus.Pending,
    };

    private async Task<StepRun> FailAsync(WorkflowRulesDbContext db, WorkflowInstance instance, InstanceStep step, string error, CancellationToken cancellationToken)
    {
        step.Status = StepStatus.Failed;
        step.Error = error;
        step.CompletedAt = timeProvider.GetUtcNow();
        instance.Status = InstanceStatus.Failed;
        instance.UpdatedAt = step.CompletedAt.Value;
        await db.SaveChangesAsync(cancellationToken);
        LogStepFailed(logger, instance.Id, step.StepId, step.FunctionName, error);
        return StepRun.Failed;
    }


    /// <summary>
    /// Stable across re-runs of one activation of the step, different for each loop back to it. The first activation
    /// keeps the key earlier releases used.
    /// </summary>
    private static string IdempotencyKey(WorkflowInstance instance, InstanceStep step) =>
        step.Activation <= 1 ? $"{instance.Id:N}:{step.StepId}" : $"{instance.Id:N}:{step.StepId}:{step.Activation}";

    /// <summary>
    /// Why the response must not run: it would run on another plugin, or on another major version of it, than the one
    /// the instance started with. A minor or patch release is compatible by the plugin's own promise (semantic
    /// versioning): the step runs on it and records the version it ran on, so the change is visible, not silent.
    /// </summary>
    private string? PluginChange(InstanceStep step, ResponseDescriptor response, CatalogSnapshot snapshot)
    {
        if (step.PluginId is null)
        {
            return null;
        }

        var loaded = snapshot.Plugins.FirstOrDefault(p => p.State == PluginState.Loaded && p.Id == response.PluginId)?.Version;
        if (step.PluginId == response.PluginId && step.PluginVersion == loaded)
        {
            return null;
        }

        if (step.PluginId == response.PluginId && Major(step.PluginVersion) is { } pinned && pinned == Major(loaded))
        {
            LogPluginUpdated(logger, step.InstanceId, step.StepId, response.PluginId, step.PluginVersion!, loaded!);
            step.PluginVersion = loaded;
            return null;
        }

        return $"Response '{step.FunctionName}' came from plugin {step.PluginId} {step.PluginVersion} when this instance started; "
            + $"plugin {response.PluginId} {loaded} offers it now, a new major version or another plugin. A running instance never "
            + "switches to incompatible code silently: retry the step to run it on the version loaded now.";
    }

    private static int? Major(string? version) =>
        version is not null && Version.TryParse(version.Split('-', '+')[0], out var parsed) ? parsed.Major : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId}, step {StepId}: plugin {PluginId} was updated from {StartedOn} to {RunsOn} (same major version) since the instance started; the step runs on {RunsOn}.")]
    private static partial void LogPluginUpdated(ILogger logger, Guid instanceId, string stepId, string pluginId, string startedOn, string runsOn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Response {FunctionName} threw in instance {InstanceId}, step {StepId}")]
    private static partial void LogResponseFailed(ILogger logger, Exception exception, string functionName, Guid instanceId, string stepId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} stopped: step {StepId} ({FunctionName}) failed: {Error}")]
    private static partial void LogStepFailed(ILogger logger, Guid instanceId, string stepId, string functionName, string error);
}
