using WorkflowRules.Conditions;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Conditions;

/// <summary>
/// Drops compiled conditions that reference a retired plugin version's types; without this the
/// condition cache would keep the old plugin's load context alive forever.
/// </summary>
public sealed class CompiledConditionJanitor(IPluginCatalog catalog, IConditionEvaluator evaluator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.PluginRetired += OnPluginRetired;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.PluginRetired -= OnPluginRetired;
        return Task.CompletedTask;
    }

    private void OnPluginRetired(object? sender, PluginRetiredEventArgs args) => evaluator.Forget(args.LoadContext);
}
