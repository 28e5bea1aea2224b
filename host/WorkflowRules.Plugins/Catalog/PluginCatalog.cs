using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowRules.Plugins.Loading;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// The plugin catalog: scans the plugin directory (at start, on file changes once folders settle, periodically as
/// a safety net, and on demand), publishes immutable snapshots, and unloads retired versions when their last
/// lease ends. Scans run one at a time.
/// </summary>
internal sealed class PluginCatalog : IPluginCatalog, IPluginLoadContextMonitor, IDisposable
{
    private readonly PluginOptions _options;
    private readonly PluginPaths _paths;
    private readonly ILogger _logger;
    private readonly CatalogState _state;
    private readonly PluginLoadContextTracker _contexts;
    private readonly PluginFolderReconciler _reconciler;
    private readonly SemaphoreSlim _scanLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _settleTimer;
    private readonly ITimer _rescanTimer;
    private PluginDirectoryWatcher? _watcher;
    private int _scanQueued;
    private int _disposeStarted;
    private bool _disposed;

    public PluginCatalog(IOptions<PluginOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _options = options.Value;
        _paths = PluginPaths.Resolve(_options, environment.ContentRootPath);
        _logger = loggerFactory.CreateLogger("WorkflowRules.Plugins");
        _state = new CatalogState(Unload);
        _contexts = new PluginLoadContextTracker(timeProvider);
        var loader = new PluginVersionLoader(_state, _contexts, loggerFactory, timeProvider);
        _reconciler = new PluginFolderReconciler(_paths, loader, timeProvider, _options.Debounce, _logger);
        _settleTimer = timeProvider.CreateTimer(_ => RequestScan(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _rescanTimer = timeProvider.CreateTimer(_ => RequestScan(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public event EventHandler<PluginRetiredEventArgs>? PluginRetired;

    public CatalogSnapshot Current => _state.Current;

    public CatalogLease Acquire() => _state.Acquire();

    public PluginLoadContextReport Report() => _contexts.Report();

    public PluginLoadContextReport CollectAndReport() => _contexts.CollectAndReport();

    public async Task RescanAsync(CancellationToken cancellationToken)
    {
        await _scanLock.WaitAsync(cancellationToken);
        try
        {
            Scan(force: true);
        }
        finally
        {
            _scanLock.Release();
        }
    }

    /// <summary>Loads what is there now (without waiting for folders to settle), then starts watching.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _paths.PurgeStaleSessions();
        PluginLog.Started(_logger, _paths.PluginsDirectory, _paths.ShadowSession);
        await RescanAsync(cancellationToken);
        if (_options.Watch && _options.RescanInterval > TimeSpan.Zero)
        {
            _rescanTimer.Change(_options.RescanInterval, _options.RescanInterval);
        }
    }

    public Task StopAsync()
    {
        if (_disposed)
        {
            return Task.CompletedTask;
        }

        _stopping.Cancel();
        _rescanTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _settleTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _watcher, null)?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Unloads every version (each once its leases end) and removes this catalog's shadow copies.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        StopAsync();
        var scanStopped = _scanLock.Wait(TimeSpan.FromSeconds(30));
        _disposed = true;
        _state.Publish(CatalogSnapshot.Empty, _reconciler.LoadedVersions);
        _rescanTimer.Dispose();
        _settleTimer.Dispose();
        ShadowCopy.TryDelete(_paths.ShadowSession);
        if (scanStopped)
        {
            _scanLock.Release();
        }

        _stopping.Dispose();
    }

    private void Scan(bool force)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = _reconciler.Reconcile(force);
        if (result.Snapshot is { } snapshot)
        {
            _state.Publish(snapshot, result.Retired);
        }

        if (result.Pending)
        {
            _settleTimer.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
        }

        EnsureWatcher();
    }

    private void EnsureWatcher()
    {
        if (!_options.Watch || _stopping.IsCancellationRequested)
        {
            return;
        }

        if (_watcher is not null && !Directory.Exists(_paths.PluginsDirectory))
        {
            Interlocked.Exchange(ref _watcher, null)?.Dispose();
        }
        else if (_watcher is null && Directory.Exists(_paths.PluginsDirectory))
        {
            _watcher = new PluginDirectoryWatcher(_paths.PluginsDirectory, OnDirectoryChanged);
        }
    }

    /// <summary>Waits for the changes to settle before scanning (the debounce), restarting the wait on every change.</summary>
    private void OnDirectoryChanged()
    {
        if (_options.Debounce > TimeSpan.Zero)
        {
            _settleTimer.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
        }
        else
        {
            RequestScan();
        }
    }

    /// <summary>Queues a background scan unless one is already queued.</summary>
    private void RequestScan()
    {
        if (!_stopping.IsCancellationRequested && Interlocked.Exchange(ref _scanQueued, 1) == 0)
        {
            _ = Task.Run(ScanInBackgroundAsync);
        }
    }

    private async Task ScanInBackgroundAsync()
    {
        try
        {
            await _scanLock.WaitAsync(_stopping.Token);
            try
            {
                Volatile.Write(ref _scanQueued, 0);
                Scan(force: false);
            }
            finally
            {
                _scanLock.Release();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException && _stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A failed background scan is logged; the next change or rescan tries again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _scanQueued, 0);
            PluginLog.ScanFailed(_logger, exception);
        }
    }

    private void Unload(PluginVersion version) => PluginUnloader.Unload(version, this, PluginRetired, _contexts, _logger);
}
