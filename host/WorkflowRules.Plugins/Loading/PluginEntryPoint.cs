using System.Reflection;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Plugins.Loading;

/// <summary>Finds and creates a plugin's single <see cref="IWorkflowPlugin"/> implementation.</summary>
internal static class PluginEntryPoint
{
    public static IWorkflowPlugin Create(Assembly assembly)
    {
        var fileName = assembly.GetName().Name + ".dll";
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception exception) when (exception is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            var cause = exception is ReflectionTypeLoadException load ? load.LoaderExceptions.FirstOrDefault(e => e is not null) ?? exception : exception;
            throw new PluginLoadException($"The types of {fileName} cannot be read, is a dependency missing from the folder? {cause.Message}");
        }

        var candidates = types.Where(t => t.IsClass && !t.IsAbstract && typeof(IWorkflowPlugin).IsAssignableFrom(t)).ToList();
        if (candidates.Count == 0)
        {
            var lookalike = types.FirstOrDefault(t => t.GetInterfaces().Any(i => i.FullName == typeof(IWorkflowPlugin).FullName));
            throw new PluginLoadException(lookalike is null
                ? $"{fileName} has no public non-abstract class implementing {typeof(IWorkflowPlugin).FullName}."
                : $"{lookalike.FullName} implements IWorkflowPlugin from another copy of WorkflowRules.Sdk: reference the SDK with Private=\"false\" ExcludeAssets=\"runtime\" and do not ship WorkflowRules.Sdk.dll.");
        }

        if (candidates.Count > 1)
        {
            throw new PluginLoadException(
                $"{fileName} has {candidates.Count} classes implementing IWorkflowPlugin ({string.Join(", ", candidates.Select(c => c.FullName))}); a plugin has exactly one.");
        }

        var type = candidates[0];
        var constructor = type.GetConstructor(Type.EmptyTypes)
            ?? throw new PluginLoadException($"{type.FullName} needs a public parameterless constructor.");
        try
        {
            return (IWorkflowPlugin)constructor.Invoke(null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            throw new PluginLoadException($"The constructor of {type.FullName} threw {inner.GetType().Name}: {inner.Message}", inner);
        }
    }
}
