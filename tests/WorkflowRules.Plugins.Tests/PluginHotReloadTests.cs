using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

public sealed class PluginHotReloadTests
{
    [Fact]
    public async Task Rescan_AddsPlugin_WhenAFolderAppears()
    {
        using var directory = new PluginDirectory();
        await using var host = await CatalogHost.StartAsync(directory);
        var before = host.Catalog.Current.Generation;

        directory.AddProductPlugin("purchasing");
        await host.Catalog.RescanAsync(CancellationToken.None);

        Assert.True(host.Catalog.Current.Generation > before);
        Assert.True(host.Catalog.Current.Events.ContainsKey("PURCHASE_APPROVAL_REQUESTED"));
    }

    [Fact]
    public async Task Rescan_RemovesPlugin_WhenItsFolderIsDeleted()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);

        directory.Remove("purchasing");
        await host.Catalog.RescanAsync(CancellationToken.None);

        var snapshot = host.Catalog.Current;
        Assert.Equal(["customers"], snapshot.Plugins.Select(p => p.Folder));
        Assert.Equal(["CUSTOMER_CHANGED", "CUSTOMER_CHANGE_APPROVED", "CUSTOMER_CHANGE_REJECTED"], snapshot.Events.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("PurchaseDocument", snapshot.RecordTypes.Keys);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Plugin purchasing 1.0.0 removed: folder purchasing is gone", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Plugin purchasing 1.0.0 unloaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acquire_PinsOldVersionAndCurrentServesNewOne_WhenAPluginIsReplaced()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        using var oldLease = host.Catalog.Acquire();

        directory.OverwriteWithTestPlugin("widgets", "versioned-v2");
        await host.Catalog.RescanAsync(CancellationToken.None);

        using var newLease = host.Catalog.Acquire();
        Assert.Equal("2.0.0", Assert.Single(newLease.Snapshot.Plugins).Version);
        Assert.True(newLease.Snapshot.Responses.ContainsKey("WIDGET_RESET"));
        Assert.False(oldLease.Snapshot.Responses.ContainsKey("WIDGET_RESET"));
        Assert.Equal("OK by v1", await StampAsync(oldLease.Snapshot));
        Assert.Equal("OK by v2", await StampAsync(newLease.Snapshot));
        var oldType = oldLease.Snapshot.RecordTypes["Widget"].ClrType;
        Assert.NotEqual(oldType, newLease.Snapshot.RecordTypes["Widget"].ClrType);
        Assert.Null(newLease.Snapshot.FindRecordType(oldType));
        Assert.Same(oldLease.Snapshot.RecordTypes["Widget"], oldLease.Snapshot.FindRecordType(oldType));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Plugin versioned 1.0.0 replaced by 2.0.0 from folder widgets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_UnloadsReplacedVersionsLoadContext_WhenItsLastLeaseEnds()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        var retired = new List<string>();
        host.Catalog.PluginRetired += (_, e) => retired.Add($"{e.PluginId} {e.Version} {e.LoadContext.IsCollectible}");
        var (lease, oldContext) = await AcquireAndUseAsync(host.Catalog);

        directory.OverwriteWithTestPlugin("widgets", "versioned-v2");
        await host.Catalog.RescanAsync(CancellationToken.None);

        // Still pinned: the old version keeps working and its context stays loaded.
        Assert.Equal("OK by v1", await StampAsync(lease.Snapshot));
        Collect();
        Assert.True(oldContext.IsAlive);
        Assert.Empty(retired);

        lease.Dispose();

        Assert.Equal(["versioned 1.0.0 True"], retired);
        Assert.True(await UnloadsAsync(oldContext), "The replaced version's load context is still alive after its last lease ended.");
        Assert.Equal("OK by v2", await StampAsync(host.Catalog.Current));
    }

    [Fact]
    public async Task Rescan_UnloadsRemovedVersionsLoadContext_WhenNoLeaseHoldsIt()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        var (lease, context) = await AcquireAndUseAsync(host.Catalog);
        lease.Dispose();

        directory.Remove("widgets");
        await host.Catalog.RescanAsync(CancellationToken.None);

        Assert.Empty(host.Catalog.Current.Plugins);
        Assert.True(await UnloadsAsync(context), "The removed version's load context is still alive.");
    }

    [Fact]
    public async Task Snapshot_Throws_WhenTheLeaseWasDisposed()
    {
        using var directory = new PluginDirectory();
        await using var host = await CatalogHost.StartAsync(directory);
        var lease = host.Catalog.Acquire();

        lease.Dispose();

        Assert.Throws<ObjectDisposedException>(() => lease.Snapshot);
    }

    [Fact]
    public async Task Rescan_KeepsRunningVersion_WhenTheFolderIsUpdatedWithABrokenPlugin()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);

        directory.EditManifest("widgets", m => m["sdkVersion"] = "2.0");
        await host.Catalog.RescanAsync(CancellationToken.None);

        var status = Assert.Single(host.Catalog.Current.Plugins);
        Assert.Equal(PluginState.Loaded, status.State);
        Assert.Equal("1.0.0", status.Version);
        Assert.StartsWith("The folder's new content was refused, so 1.0.0 keeps running: plugin.json says the plugin needs SDK 2.0", status.Error, StringComparison.Ordinal);
        Assert.Equal("OK by v1", await StampAsync(host.Catalog.Current));
    }

    [Fact]
    public async Task Rescan_LoadsPreviouslyClashingPlugin_WhenThePluginItClashedWithIsRemoved()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "a-widgets");
        directory.AddTestPlugin("versioned-v1", "b-widgets");
        directory.EditManifest("b-widgets", m => m["id"] = "widgets-b");
        await using var host = await CatalogHost.StartAsync(directory);
        Assert.Equal(PluginState.Failed, host.Catalog.Current.Plugins.Single(p => p.Folder == "b-widgets").State);

        directory.Remove("a-widgets");
        await host.Catalog.RescanAsync(CancellationToken.None);

        var status = Assert.Single(host.Catalog.Current.Plugins);
        Assert.Equal(("b-widgets", PluginState.Loaded), (status.Folder, status.State));
        Assert.Equal("widgets-b", host.Catalog.Current.Events["WIDGET_CREATED"].PluginId);
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenTheVersionUnloadedAndNoLeaseWasTaken()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        var stale = host.Catalog.Current;

        directory.Remove("widgets");
        await host.Catalog.RescanAsync(CancellationToken.None);

        var exception = await Assert.ThrowsAsync<ObjectDisposedException>(() => StampAsync(stale));
        Assert.Contains("take a CatalogLease", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Uses the plugin through a lease, and keeps only a weak reference to its load context.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(CatalogLease Lease, WeakReference Context)> AcquireAndUseAsync(IPluginCatalog catalog)
    {
        var lease = catalog.Acquire();
        Assert.Equal("OK by v1", await StampAsync(lease.Snapshot));
        var context = AssemblyLoadContext.GetLoadContext(lease.Snapshot.RecordTypes["Widget"].ClrType.Assembly)!;
        Assert.True(context.IsCollectible);
        return (lease, new WeakReference(context));
    }

    /// <summary>Parses a widget and stamps it; returns only text, so no plugin object outlives the call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> StampAsync(CatalogSnapshot snapshot)
    {
        var widget = snapshot.RecordTypes["Widget"].Parse(TestJson.Parse("""{ "no": "W-1" }""")).Value!;
        var result = await snapshot.Responses["WIDGET_STAMP"].InvokeAsync(
            TestJson.Invocation(widget, """{ "stamp": "OK" }""", new RecordingEventRaiser()), CancellationToken.None);
        return result.Message![..result.Message!.IndexOf(" (", StringComparison.Ordinal)];
    }

    private static async Task<bool> UnloadsAsync(WeakReference context)
    {
        // Unloading completes over a few collections (finalizers release the context's last handles).
        for (var attempt = 0; attempt < 50 && context.IsAlive; attempt++)
        {
            Collect();
            await Task.Yield();
        }

        return !context.IsAlive;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
