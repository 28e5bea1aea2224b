using WorkflowRules.Plugins.Loading;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>Builds the <see cref="PluginStatus"/> of a folder.</summary>
internal static class PluginStatuses
{
    public static PluginStatus Loaded(PluginVersion version, string? error = null) => new()
    {
        Folder = version.FolderName,
        Id = version.Id,
        Version = version.Version,
        State = PluginState.Loaded,
        Error = error,
        LoadedAt = version.LoadedAt,
        FunctionNames = version.FunctionNames,
        RecordTypes = [.. version.RecordTypes.Select(r => r.Name)],
        Templates = [.. version.Templates.Select(t => t.Code)],
    };

    public static PluginStatus Failed(string folder, PluginManifest? manifest, string error) => new()
    {
        Folder = folder,
        Id = manifest?.Id,
        Version = manifest?.Version,
        State = PluginState.Failed,
        Error = error,
    };

    public static PluginStatus Pending(string folder) => new() { Folder = folder, State = PluginState.Pending };
}
