using Microsoft.Extensions.Logging;

namespace WorkflowRules.Conditions.Scripts;

/// <summary>
/// Re-reads a script once its file has been quiet for the debounce period (editors save in several writes).
/// Where file watching is unavailable (e.g. the inotify limit is reached) it falls back to re-reading the
/// folder periodically, so edits still take effect without a restart.
/// </summary>
internal sealed partial class ConditionScriptWatcher(ConditionScriptCatalog catalog, TimeProvider clock, TimeSpan debounce, ILogger<ConditionScriptWatcher> logger) : IDisposable
{
    private const string WholeFolder = "*";
    private static readonly TimeSpan FallbackPollInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, ITimer> _pending = new(StringComparer.Ordinal);
    private readonly Lock _pendingLock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _poll;

    public void Start()
    {
        if (!Directory.Exists(catalog.Directory))
        {
            // Polling notices the folder when it is created; creating it here would litter the content root.
            Poll("the folder does not exist");
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(catalog.Directory, "*" + ConditionScriptCatalog.Extension)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, e) => Schedule(e.Name);
            watcher.Created += (_, e) => Schedule(e.Name);
            watcher.Deleted += (_, e) => Schedule(e.Name);
            watcher.Renamed += (_, e) =>
            {
                Schedule(e.OldName);
                Schedule(e.Name);
            };
            watcher.Error += (_, _) => Schedule(WholeFolder + ConditionScriptCatalog.Extension);
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            LogWatching(logger, catalog.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            Poll(e.Message);
        }
    }

    private void Poll(string reason)
    {
        _poll = clock.CreateTimer(_ => RefreshSafely(WholeFolder), null, FallbackPollInterval, FallbackPollInterval);
        LogPolling(logger, catalog.Directory, FallbackPollInterval.TotalSeconds, reason);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _poll?.Dispose();
        lock (_pendingLock)
        {
            foreach (var timer in _pending.Values)
            {
                timer.Dispose();
            }

            _pending.Clear();
        }
    }

    private void Schedule(string? fileName)
    {
        if (fileName is null || !fileName.EndsWith(ConditionScriptCatalog.Extension, StringComparison.Ordinal))
        {
            return;
        }

        var name = fileName[..^ConditionScriptCatalog.Extension.Length];
        lock (_pendingLock)
        {
            if (_pending.TryGetValue(name, out var timer))
            {
                timer.Change(debounce, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _pending[name] = clock.CreateTimer(Due, name, debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Due(object? state)
    {
        var name = (string)state!;
        lock (_pendingLock)
        {
            if (_pending.Remove(name, out var timer))
            {
                timer.Dispose();
            }
        }

        RefreshSafely(name);
    }

    private void RefreshSafely(string name)
    {
        try
        {
            if (name == WholeFolder)
            {
                catalog.Refresh();
            }
            else
            {
                catalog.Refresh(name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogRefreshFailed(logger, name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Directory} for condition script changes")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Directory} ({Reason}); re-reading it every {Seconds} s instead")]
    private static partial void LogPolling(ILogger logger, string directory, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading condition script {Script} failed: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string script, string reason);
}
