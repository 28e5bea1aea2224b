using Microsoft.Extensions.Logging;
using WorkflowRules.Plugins.Loading;
using WorkflowRules.Plugins.Registration;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// Brings the catalog in line with the plugin directory: loads new and changed folders once they have stayed
/// unchanged for the debounce period, retires replaced versions (only once their successor has loaded) and removed
/// ones (once the folder has been gone for the debounce period), and records every folder's status.
/// Not thread-safe: the catalog runs one scan at a time.
/// </summary>
internal sealed class PluginFolderReconciler(
    PluginPaths paths, PluginVersionLoader loader, TimeProvider timeProvider, TimeSpan debounce, ILogger logger)
{
    private readonly Dictionary<string, FolderState> _folders = new(StringComparer.Ordinal);
    private long _generation;
    private bool _reportedMissingDirectory;

    /// <param name="force">Load changed folders now, without waiting for them to settle.</param>
    public ReconcileResult Reconcile(bool force)
    {
        if (ListFolders() is not { } onDisk)
        {
            return new ReconcileResult(null, [], Pending: true);
        }

        var retired = new List<PluginVersion>();
        var changed = false;
        var pending = false;
        var now = timeProvider.GetUtcNow();
        foreach (var gone in _folders.Values.Where(f => !onDisk.ContainsKey(f.Name)).ToList())
        {
            // A deployment that deletes the folder and copies the new build in must not take the plugin away in
            // between (its events would be unknown for a moment): like a change, a removal applies once it has lasted
            // the debounce period. The running version serves meanwhile.
            gone.MissingSince ??= now;
            if (!force && gone.Version is not null && now - gone.MissingSince < debounce)
            {
                pending = true;
                continue;
            }

            _folders.Remove(gone.Name);
            changed = true;
            if (gone.Version is { } version)
            {
                retired.Add(version);
                PluginLog.Removed(logger, version.Id, version.Version, gone.Name);
            }
        }

        foreach (var (name, path) in onDisk.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!_folders.TryGetValue(name, out var state))
            {
                _folders[name] = state = new FolderState(name);
            }

            state.MissingSince = null;

            var change = ReconcileFolder(state, path, force, retry: false, retired);
            pending |= change == FolderChange.Pending;
            changed |= change is FolderChange.Status or FolderChange.Catalog || (change == FolderChange.Pending && state.Status is null);
            state.Status ??= PluginStatuses.Pending(name);
        }

        // A folder refused for a clash may load now that the plugin it clashed with was removed or replaced.
        if (retired.Count > 0)
        {
            foreach (var state in _folders.Values.Where(f => f.RetryOnCatalogChange).OrderBy(f => f.Name, StringComparer.Ordinal).ToList())
            {
                changed |= ReconcileFolder(state, onDisk[state.Name], force: true, retry: true, retired) != FolderChange.None;
            }
        }

        if (!changed)
        {
            return new ReconcileResult(null, [], pending);
        }

        var versions = _folders.Values.Where(f => f.Version is not null).Select(f => f.Version!).ToList();
        var statuses = _folders.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Status!).ToList();
        return new ReconcileResult(new CatalogSnapshot(++_generation, versions, statuses), retired, pending);
    }

    /// <summary>Every version loaded now (for shutdown).</summary>
    public IReadOnlyCollection<PluginVersion> LoadedVersions =>
        [.. _folders.Values.Where(f => f.Version is not null).Select(f => f.Version!)];

    private FolderChange ReconcileFolder(FolderState state, string path, bool force, bool retry, List<PluginVersion> retired)
    {
        string fingerprint;
        try
        {
            fingerprint = FolderFingerprint.Compute(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return FolderChange.Pending; // Changing under our feet: look again later.
        }

        if (fingerprint == state.AppliedFingerprint && !retry)
        {
            return FolderChange.None;
        }

        var now = timeProvider.GetUtcNow();
        if (fingerprint != state.ObservedFingerprint)
        {
            state.ObservedFingerprint = fingerprint;
            state.ObservedAt = now;
        }

        if (!force && now - state.ObservedAt < debounce)
        {
            return FolderChange.Pending;
        }

        var others = new CatalogContext(_folders.Values.Where(f => f != state && f.Version is not null).Select(f => f.Version!));
        var outcome = loader.Load(path, state.Name, fingerprint, paths.ShadowFor(state.Name, ++state.Attempts), others);
        if (outcome.Unstable)
        {
            state.ObservedFingerprint = null;
            return FolderChange.Pending;
        }

        state.AppliedFingerprint = fingerprint;
        state.RetryOnCatalogChange = outcome.IsConflict;
        if (outcome.Version is { } loaded)
        {
            if (state.Version is { } old)
            {
                retired.Add(old);
                PluginLog.Replaced(logger, loaded.Id, old.Version, loaded.Version, state.Name);
            }

            PluginLog.Loaded(logger, loaded.Id, loaded.Version, state.Name, string.Join(", ", loaded.FunctionNames));
            state.Version = loaded;
            state.Status = PluginStatuses.Loaded(loaded);
            return FolderChange.Catalog;
        }

        if (state.Version is { } running)
        {
            PluginLog.UpdateRefused(logger, state.Name, running.Id, running.Version, outcome.Error!);
            state.Status = PluginStatuses.Loaded(running, $"The folder's new content was refused, so {running.Version} keeps running: {outcome.Error}");
        }
        else
        {
            PluginLog.Refused(logger, state.Name, outcome.Error!);
            state.Status = PluginStatuses.Failed(state.Name, outcome.Manifest, outcome.Error!);
        }

        return FolderChange.Status;
    }

    /// <returns>Folder names and paths; null when the directory cannot be read now.</returns>
    private Dictionary<string, string>? ListFolders()
    {
        if (!Directory.Exists(paths.PluginsDirectory))
        {
            if (!_reportedMissingDirectory)
            {
                PluginLog.DirectoryMissing(logger, paths.PluginsDirectory);
                _reportedMissingDirectory = true;
            }

            return [];
        }

        _reportedMissingDirectory = false;
        try
        {
            return Directory.EnumerateDirectories(paths.PluginsDirectory)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .ToDictionary(d => Path.GetFileName(d), d => d, StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            PluginLog.ScanFailed(logger, exception);
            return null;
        }
    }

    private enum FolderChange
    {
        None,
        Pending,
        Status,
        Catalog,
    }
}
