using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Outbox;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Starts an instance of a matched workflow: a private copy of its steps (sub-workflows inlined), pinned to what the
/// instance started with — the version, each script's text, each response's plugin version — so that nothing
/// published, edited or loaded later changes what it does. The entry event completes at once (it just happened).
/// </summary>
public sealed class InstanceFactory(IConditionScriptCatalog scripts)
{
    /// <exception cref="InvalidOperationException">A sub-workflow cannot be inlined (see <see cref="InstanceStepExpander"/>).</exception>
    public (WorkflowInstance Instance, OutboxMessage? Outbox) Create(
        WorkflowMatch match, EventOccurrence occurrence, Guid triggeringEventId, EnabledWorkflowSet enabled, CatalogSnapshot catalog, DateTimeOffset now)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(),
            WorkflowVersionId = match.Version.Id,
            WorkflowCode = match.Workflow.Code,
            WorkflowVersionNumber = match.Version.Number,
            RecordType = occurrence.Event.RecordType.Name,
            RecordKey = occurrence.RecordKey,
            RecordJson = occurrence.RecordJson,
            PreviousRecordJson = occurrence.PreviousRecordJson,
            TriggeringEventId = triggeringEventId,
            ActingUser = occurrence.ActingUser,
            Status = InstanceStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
        };

        instance.Steps = InstanceStepExpander.Expand(instance.Id, match.Definition, match.Version.Id, code => enabled.ByCode.GetValueOrDefault(code));
        var pluginVersions = catalog.Plugins.Where(p => p.State == PluginState.Loaded && p.Id is not null)
            .GroupBy(p => p.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Version, StringComparer.Ordinal);
        foreach (var step in instance.Steps)
        {
            Pin(step, match.Definition, enabled, catalog, pluginVersions);
        }

        var root = instance.Steps.Single(s => s.ParentStepId is null);
        StepActivation.CompleteEvent(instance, root, triggeringEventId, now);
        if (StepActivation.CompleteIfFinished(instance, now))
        {
            return (instance, null);
        }

        return (instance, StepActivation.NextRunnable(instance) is null ? null : RunRequest(instance.Id, now));
    }

    /// <summary>The outbox row that asks for a job to run the instance's active responses and queued events.</summary>
    public static OutboxMessage RunRequest(Guid instanceId, DateTimeOffset now) =>
        new() { InstanceId = instanceId, Kind = OutboxMessageKind.RunInstance, CreatedAt = now };

    private void Pin(
        InstanceStep step, WorkflowDefinition topDefinition, EnabledWorkflowSet enabled, CatalogSnapshot catalog, Dictionary<string, string?> pluginVersions)
    {
        if (step.Type == StepType.Response && catalog.Responses.TryGetValue(step.FunctionName, out var response))
        {
            step.PluginId = response.PluginId;
            step.PluginVersion = pluginVersions.GetValueOrDefault(response.PluginId);
            return;
        }

        if (step.Type == StepType.Event)
        {
            var definition = DefinitionOf(step, topDefinition, enabled);
            if (definition?.FindStep(step.DefinitionStepId)?.Condition?.Script is { } script)
            {
                step.ScriptCode = scripts.GetInUseCode(script);
            }
        }
    }

    private static WorkflowDefinition? DefinitionOf(InstanceStep step, WorkflowDefinition topDefinition, EnabledWorkflowSet enabled) =>
        !step.StepId.Contains('/', StringComparison.Ordinal)
            ? topDefinition
            : enabled.ByCode.Values.FirstOrDefault(w => w.Version.Id == step.DefinitionVersionId)?.Definition;
}
