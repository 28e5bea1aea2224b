using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WorkflowRules.Plugins.Catalog;
using WorkflowRules.Plugins.Loading;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>The debounce, with a fake clock: a changed folder loads only after it stayed unchanged for the whole period.</summary>
public sealed class PluginFolderReconcilerTests : IDisposable
{
    private static readonly TimeSpan s_debounce = TimeSpan.FromSeconds(2);
    private readonly PluginDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 31, 9, 0, 0, TimeSpan.Zero));
    private readonly CatalogState _state;
    private readonly PluginFolderReconciler _reconciler;

    public PluginFolderReconcilerTests()
    {
        _state = new CatalogState(version => version.Loader.Dispose());
        var paths = PluginPaths.Resolve(new PluginOptions { Directory = _directory.Plugins, ShadowCopyDirectory = _directory.Shadow }, _directory.Root);
        var loader = new PluginVersionLoader(_state, new PluginLoadContextTracker(_time), NullLoggerFactory.Instance, _time);
        _reconciler = new PluginFolderReconciler(paths, loader, _time, s_debounce, NullLogger.Instance);
    }

    [Fact]
    public void Reconcile_LoadsFolder_OnlyAfterItStayedUnchangedForTheDebounce()
    {
        _directory.AddProductPlugin("purchasing");

        var first = _reconciler.Reconcile(force: false);
        Assert.True(first.Pending);
        Assert.Equal(PluginState.Pending, Assert.Single(first.Snapshot!.Plugins).State);
        Assert.Empty(first.Snapshot.Events);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        File.WriteAllText(_directory.PathOf("purchasing", "notes.txt"), "still copying");
        Assert.True(_reconciler.Reconcile(force: false).Pending);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(_reconciler.Reconcile(force: false).Pending);

        _time.Advance(TimeSpan.FromSeconds(0.5));
        var settled = _reconciler.Reconcile(force: false);

        Assert.False(settled.Pending);
        Assert.Equal(PluginState.Loaded, Assert.Single(settled.Snapshot!.Plugins).State);
        Assert.Equal(_time.GetUtcNow(), settled.Snapshot.Plugins[0].LoadedAt);
        Assert.True(settled.Snapshot.Events.ContainsKey("PURCHASE_APPROVAL_REQUESTED"));
    }

    [Fact]
    public void Reconcile_LoadsAtOnce_WhenForced()
    {
        _directory.AddProductPlugin("purchasing");

        var result = _reconciler.Reconcile(force: true);

        Assert.False(result.Pending);
        Assert.Equal(PluginState.Loaded, Assert.Single(result.Snapshot!.Plugins).State);
    }

    [Fact]
    public void Reconcile_ReturnsNoSnapshot_WhenNothingChanged()
    {
        _directory.AddProductPlugin("purchasing");
        _reconciler.Reconcile(force: true);

        var again = _reconciler.Reconcile(force: false);

        Assert.Null(again.Snapshot);
        Assert.False(again.Pending);
    }

    [Fact]
    public void Reconcile_DoesNotRetryFailedFolder_UntilItChanges()
    {
        _directory.AddTestPlugin("throwing-register");
        var failed = _reconciler.Reconcile(force: true);
        Assert.Equal(PluginState.Failed, failed.Snapshot!.Plugins[0].State);

        Assert.Null(_reconciler.Reconcile(force: true).Snapshot);

        _directory.EditManifest("throwing-register", m => m["version"] = "1.0.1");
        var retried = _reconciler.Reconcile(force: true);
        Assert.Equal(("1.0.1", PluginState.Failed), (retried.Snapshot!.Plugins[0].Version, retried.Snapshot.Plugins[0].State));
    }

    [Fact]
    public void Reconcile_KeepsServingVersion_WhileItsFolderIsDeletedAndCopiedAgain()
    {
        _directory.AddProductPlugin("purchasing");
        _reconciler.Reconcile(force: true);

        _directory.Remove("purchasing");
        var missing = _reconciler.Reconcile(force: false);
        _time.Advance(TimeSpan.FromSeconds(1));
        _directory.AddProductPlugin("purchasing");
        _directory.EditManifest("purchasing", m => m["version"] = "1.0.1");
        var copiedAgain = _reconciler.Reconcile(force: false);
        _time.Advance(s_debounce);
        var settled = _reconciler.Reconcile(force: false);
        _state.Publish(settled.Snapshot!, settled.Retired);

        Assert.True(missing.Pending);
        Assert.Null(missing.Snapshot);
        Assert.Empty(missing.Retired);
        Assert.True(copiedAgain.Pending);
        Assert.Empty(copiedAgain.Retired);
        var status = Assert.Single(settled.Snapshot!.Plugins);
        Assert.Equal(("1.0.1", PluginState.Loaded), (status.Version, status.State));
        Assert.Equal("1.0.0", Assert.Single(settled.Retired).Version);
    }

    [Fact]
    public void Reconcile_RemovesPlugin_OnceItsFolderHasBeenGoneForTheDebounce()
    {
        _directory.AddProductPlugin("purchasing");
        _reconciler.Reconcile(force: true);
        _directory.Remove("purchasing");
        Assert.True(_reconciler.Reconcile(force: false).Pending);

        _time.Advance(s_debounce);
        var removed = _reconciler.Reconcile(force: false);
        _state.Publish(removed.Snapshot!, removed.Retired);

        Assert.False(removed.Pending);
        Assert.Empty(removed.Snapshot!.Plugins);
        Assert.Equal("purchasing", Assert.Single(removed.Retired).Id);
    }

    public void Dispose()
    {
        _state.Publish(CatalogSnapshot.Empty, _reconciler.LoadedVersions);
        _directory.Dispose();
    }
}
