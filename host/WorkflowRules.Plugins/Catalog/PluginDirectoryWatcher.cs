namespace WorkflowRules.Plugins.Catalog;

/// <summary>Reports any change under the plugin directory (files or folders, at any depth). It says only that something changed; the scan finds out what.</summary>
internal sealed class PluginDirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    public PluginDirectoryWatcher(string directory, Action changed)
    {
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, _) => changed();
        _watcher.Changed += (_, _) => changed();
        _watcher.Deleted += (_, _) => changed();
        _watcher.Renamed += (_, _) => changed();
        _watcher.Error += (_, _) => changed(); // e.g. buffer overflow: the scan catches up.
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => _watcher.Dispose();
}
