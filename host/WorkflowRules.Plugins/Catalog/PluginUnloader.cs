using Microsoft.Extensions.Logging;
using WorkflowRules.Plugins.Json;
using WorkflowRules.Plugins.Loading;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// Unloads a retired version: tells <see cref="IPluginCatalog.PluginRetired"/> handlers first (so they drop what
/// references its types), then disposes its services, unloads its context, clears the serializer's caches and
/// removes its shadow copy. Nothing here throws: a failing step is logged and the rest still runs.
/// </summary>
internal static class PluginUnloader
{
    public static void Unload(
        PluginVersion version, object sender, EventHandler<PluginRetiredEventArgs>? retired, PluginLoadContextTracker tracker, ILogger logger)
    {
        foreach (var handler in retired?.GetInvocationList().Cast<EventHandler<PluginRetiredEventArgs>>() ?? [])
        {
            try
            {
                handler(sender, new PluginRetiredEventArgs(version.Id, version.Version, version.LoadContext));
            }
#pragma warning disable CA1031 // A failing handler must not stop the unload or the other handlers.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                PluginLog.RetiredHandlerFailed(logger, exception, version.Id, version.Version);
            }
        }

        DisposeServices(version, logger);
        version.Loader.Dispose();
        tracker.Unloaded(version.LoadContext);
        SerializerCaches.Clear();
        ShadowCopy.TryDelete(version.ShadowPath);
        PluginLog.Unloaded(logger, version.Id, version.Version);
    }

    private static void DisposeServices(PluginVersion version, ILogger logger)
    {
        try
        {
            var disposal = version.Services?.DisposeAsync() ?? ValueTask.CompletedTask;
            if (!disposal.IsCompletedSuccessfully)
            {
                _ = disposal.AsTask().ContinueWith(
                    t => PluginLog.ServicesDisposeFailed(logger, t.Exception!, version.Id, version.Version),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
#pragma warning disable CA1031 // A plugin service failing to dispose must not stop the unload.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PluginLog.ServicesDisposeFailed(logger, exception, version.Id, version.Version);
        }
    }
}
