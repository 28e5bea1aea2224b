using System.Reflection;
using System.Runtime.Loader;

namespace WorkflowRules.Conditions.Tests.Unloading;

/// <summary>
/// Stands in for the host's plugin loader: a collectible context holding its own copy of a plugin assembly;
/// everything else (framework, SDK) comes from the default context, as McMaster's loader shares it.
/// </summary>
public sealed class TestPluginLoadContext(string pluginPath) : AssemblyLoadContext("test-plugin", isCollectible: true)
{
    public static TestPluginLoadContext Load(string pluginPath)
    {
        var context = new TestPluginLoadContext(pluginPath);
        context.LoadFromAssemblyPath(pluginPath);
        return context;
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name == Path.GetFileNameWithoutExtension(pluginPath)
            ? Assemblies.FirstOrDefault(a => a.GetName().Name == assemblyName.Name) ?? LoadFromAssemblyPath(pluginPath)
            : null;
}
