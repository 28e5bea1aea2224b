using Microsoft.Extensions.Logging;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>The catalog's log lines: one per plugin event, each naming the plugin, its version and folder.</summary>
internal static partial class PluginLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin catalog watching {Directory} (shadow copies in {ShadowDirectory})")]
    public static partial void Started(ILogger logger, string directory, string shadowDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin directory {Directory} does not exist; plugins appear once it is created")]
    public static partial void DirectoryMissing(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} {PluginVersion} loaded from folder {Folder}: {FunctionNames}")]
    public static partial void Loaded(ILogger logger, string pluginId, string pluginVersion, string folder, string functionNames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} {OldVersion} replaced by {PluginVersion} from folder {Folder}; the old version unloads when its last lease ends")]
    public static partial void Replaced(ILogger logger, string pluginId, string oldVersion, string pluginVersion, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} {PluginVersion} removed: folder {Folder} is gone; it unloads when its last lease ends")]
    public static partial void Removed(ILogger logger, string pluginId, string pluginVersion, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin folder {Folder} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin folder {Folder} refused its update, {PluginId} {PluginVersion} keeps running: {Reason}")]
    public static partial void UpdateRefused(ILogger logger, string folder, string pluginId, string pluginVersion, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} {PluginVersion} unloaded")]
    public static partial void Unloaded(ILogger logger, string pluginId, string pluginVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "A PluginRetired handler failed for plugin {PluginId} {PluginVersion}")]
    public static partial void RetiredHandlerFailed(ILogger logger, Exception exception, string pluginId, string pluginVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Disposing the services of plugin {PluginId} {PluginVersion} failed")]
    public static partial void ServicesDisposeFailed(ILogger logger, Exception exception, string pluginId, string pluginVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning the plugin directory failed; the next change or rescan tries again")]
    public static partial void ScanFailed(ILogger logger, Exception exception);
}
