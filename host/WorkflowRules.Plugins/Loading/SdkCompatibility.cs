using System.Reflection;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Plugins.Loading;

/// <summary>
/// The SDK version rule: a plugin built against SDK major.minor runs on a host whose SDK has the same major and
/// the same or a later minor. Shared types do not protect against drift (DotNetCorePlugins#302), so both the
/// manifest and the assembly's actual reference are checked.
/// </summary>
internal static class SdkCompatibility
{
    public static Version HostVersion { get; } = typeof(IWorkflowPlugin).Assembly.GetName().Version!;

    public static string HostVersionText => $"{HostVersion.Major}.{HostVersion.Minor}";

    public static void CheckManifest(PluginManifest manifest)
    {
        if (!IsCompatible(manifest.SdkVersion))
        {
            throw new PluginLoadException(
                $"{PluginManifest.FileName} says the plugin needs SDK {manifest.SdkVersion.Major}.{manifest.SdkVersion.Minor}, but this host provides SDK {HostVersionText}. "
                + $"A plugin runs on a host with the same SDK major version and the same or a later minor version: rebuild it against WorkflowRules.Sdk {HostVersion.Major}.x (up to {HostVersionText}).");
        }
    }

    public static void CheckAssembly(Assembly assembly)
    {
        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == HostAssemblyName);
        if (reference?.Version is null)
        {
            throw new PluginLoadException($"{assembly.GetName().Name}.dll does not reference WorkflowRules.Sdk, so it cannot contain a plugin.");
        }

        if (!IsCompatible(reference.Version))
        {
            throw new PluginLoadException(
                $"{assembly.GetName().Name}.dll was compiled against WorkflowRules.Sdk {reference.Version.Major}.{reference.Version.Minor} although its manifest says otherwise; "
                + $"this host provides SDK {HostVersionText}. Rebuild the plugin and its plugin.json against this SDK.");
        }
    }

    private static string HostAssemblyName => typeof(IWorkflowPlugin).Assembly.GetName().Name!;

    private static bool IsCompatible(Version required) =>
        required.Major == HostVersion.Major && required.Minor <= HostVersion.Minor;
}
