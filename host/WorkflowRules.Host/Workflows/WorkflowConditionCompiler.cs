using WorkflowRules.Conditions;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// Compiles a published version's conditions in one batch when it is saved, so the compiled code is in memory and
/// in the compiled-condition cache before the first event needs it — and a restart loads it instead of compiling.
/// </summary>
public sealed class WorkflowConditionCompiler(IPluginCatalog catalog, IConditionEvaluator conditions)
{
    public void Compile(WorkflowDefinition definition)
    {
        var snapshot = catalog.Current;
        var batch = definition.Steps
            .Where(s => s.Type == StepType.Event && s.Condition?.ToSource() is not null && snapshot.Events.ContainsKey(s.FunctionName))
            .Select(s => (s.Condition!.ToSource()!, snapshot.Events[s.FunctionName].RecordType.ClrType))
            .ToList();
        if (batch.Count > 0)
        {
            conditions.Prepare(batch);
        }
    }
}
