using System.Runtime.Loader;

namespace WorkflowRules.Plugins;

/// <summary>A plugin version that is about to be unloaded.</summary>
public sealed class PluginRetiredEventArgs(string pluginId, string version, AssemblyLoadContext loadContext) : EventArgs
{
    public string PluginId { get; } = pluginId;

    public string Version { get; } = version;

    /// <summary>The context about to unload. Do not keep it: holding it (or any of its types) prevents the unload.</summary>
    public AssemblyLoadContext LoadContext { get; } = loadContext;
}
