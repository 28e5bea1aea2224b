using WorkflowRules.Sdk.Plugins;

namespace TestPlugins.ThrowingConstructor;

/// <summary>Fails while being created.</summary>
public sealed class ThrowingConstructorPlugin : IWorkflowPlugin
{
    public ThrowingConstructorPlugin() => throw new InvalidOperationException("Simulated failure in the plugin's constructor.");

    public void Register(IWorkflowPluginBuilder builder)
    {
    }
}
