namespace WorkflowRules.Sdk.Plugins;

/// <summary>
/// The one entry point of a plugin. The host creates the plugin's single public
/// non-abstract implementation of this interface (it needs a public parameterless
/// constructor) and calls <see cref="Register"/> once per load of the plugin.
/// </summary>
public interface IWorkflowPlugin
{
    /// <summary>Declares everything the plugin offers. Must not start work or keep state.</summary>
    /// <param name="builder">Collects record types, events, responses, templates and the plugin's services.</param>
    void Register(IWorkflowPluginBuilder builder);
}
