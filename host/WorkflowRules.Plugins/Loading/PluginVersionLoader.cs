using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowRules.Plugins.Catalog;
using WorkflowRules.Plugins.Json;
using WorkflowRules.Plugins.Registration;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Plugins.Loading;

/// <summary>
/// Loads one plugin folder: shadow copy, manifest, SDK check, a collectible load context (McMaster PluginLoader)
/// sharing the contract assemblies with the host, the entry point, registration and its validation.
/// Every failure becomes a <see cref="LoadOutcome"/> with a reason; nothing a plugin does escapes.
/// </summary>
internal sealed class PluginVersionLoader(CatalogState state, PluginLoadContextTracker tracker, ILoggerFactory loggerFactory, TimeProvider timeProvider)
{
    // The SDK (and, through its references, Microsoft.Extensions.DependencyInjection.Abstractions), logging and
    // options abstractions are loaded once, by the host: a plugin's copy would make its types different types.
    private static readonly Type[] s_sharedTypes = [typeof(IWorkflowPlugin), typeof(IServiceCollection), typeof(ILogger), typeof(IOptions<>)];

    public LoadOutcome Load(string folderPath, string folderName, string fingerprint, string shadowPath, CatalogContext others)
    {
        if (!File.Exists(Path.Combine(folderPath, PluginManifest.FileName)))
        {
            return new LoadOutcome { Error = $"{PluginManifest.FileName} is missing. A plugin folder holds the plugin's DLLs and a manifest such as {PluginManifest.Example}." };
        }

        try
        {
            ShadowCopy.Copy(folderPath, shadowPath);
            if (FolderFingerprint.Compute(folderPath) != fingerprint)
            {
                ShadowCopy.TryDelete(shadowPath);
                return new LoadOutcome { Unstable = true };
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ShadowCopy.TryDelete(shadowPath);
            return IsUnchanged(folderPath, fingerprint)
                ? new LoadOutcome { Error = $"The folder cannot be copied to the shadow-copy directory {shadowPath}: {exception.Message}" }
                : new LoadOutcome { Unstable = true };
        }

        PluginManifest? manifest = null;
        PluginLoader? loader = null;
        try
        {
            manifest = ManifestReader.Read(shadowPath);
            SdkCompatibility.CheckManifest(manifest);
            var assemblyPath = Path.Combine(shadowPath, manifest.Assembly);
            if (!File.Exists(assemblyPath))
            {
                throw new PluginLoadException($"{PluginManifest.FileName} names {manifest.Assembly}, which is not in the folder.");
            }

            loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, s_sharedTypes);
            tracker.Track(loader.LoadContext, folderName, manifest);
            var version = Activate(manifest, folderName, shadowPath, loader, others);
            return new LoadOutcome { Version = version, Manifest = manifest };
        }
#pragma warning disable CA1031 // Plugin code also runs while declarations are checked (options, converters, validation attributes): nothing it throws may stop the host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (loader is not null)
            {
                var context = loader.LoadContext;
                loader.Dispose();
                tracker.Unloaded(context);
            }

            SerializerCaches.Clear();
            ShadowCopy.TryDelete(shadowPath);
            var message = exception is PluginLoadException
                ? exception.Message
                : $"{manifest?.Assembly ?? "The plugin"} cannot be loaded: {exception.GetType().Name}: {exception.Message}";
            return new LoadOutcome { Manifest = manifest, Error = message, IsConflict = exception is PluginLoadException { IsConflict: true } };
        }
    }

    private static bool IsUnchanged(string folderPath, string fingerprint)
    {
        try
        {
            return FolderFingerprint.Compute(folderPath) == fingerprint;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private PluginVersion Activate(PluginManifest manifest, string folderName, string shadowPath, PluginLoader loader, CatalogContext others)
    {
        var assembly = loader.LoadDefaultAssembly();
        SdkCompatibility.CheckAssembly(assembly);
        var loadContext = AssemblyLoadContext.GetLoadContext(assembly)!;
        var version = new PluginVersion(manifest, folderName, shadowPath, loader, loadContext, state);
        tracker.Attach(version);
        var builder = new PluginBuilder(version);

        // Type.GetType and friends in the plugin's constructor and Register resolve in its own context.
        using (loadContext.EnterContextualReflection())
        {
            var plugin = PluginEntryPoint.Create(assembly);
            try
            {
                plugin.Register(builder);
            }
#pragma warning disable CA1031 // Whatever a plugin throws becomes its failure reason.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                throw new PluginLoadException($"{plugin.GetType().FullName}.Register threw {exception.GetType().Name}: {exception.Message}", exception);
            }
        }

        var problems = RegistrationValidator.Validate(version, builder, others);
        if (problems.Any)
        {
            throw new PluginLoadException(problems.ToString()) { IsConflict = problems.HasConflict };
        }

        try
        {
            version.Services = PluginRegistration.BuildServices(builder, loggerFactory, timeProvider);
        }
        catch (Exception exception) when (exception is InvalidOperationException or AggregateException or ArgumentException)
        {
            throw new PluginLoadException($"The plugin's services cannot be built: {exception.Message}", exception);
        }

        PluginRegistration.Apply(version, builder);
        version.LoadedAt = timeProvider.GetUtcNow();
        return version;
    }
}
