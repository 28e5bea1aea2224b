using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>The load-context counts operators read to check that reloads do not leak.</summary>
public sealed class PluginLoadContextMonitorTests
{
    [Fact]
    public async Task Report_CountsOneLoadedContextPerPlugin_AfterStart()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);

        var report = Monitor(host).Report();

        Assert.Equal((2, 2, 0, 0), (report.Alive, report.Loaded, report.Draining, report.Unloaded));
        Assert.Empty(report.Retired);
    }

    [Fact]
    public async Task Report_ShowsReplacedVersionDraining_WhileALeasePinsIt()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();

        directory.OverwriteWithTestPlugin("widgets", "versioned-v2");
        await host.Catalog.RescanAsync(CancellationToken.None);
        var report = Monitor(host).CollectAndReport();

        Assert.Equal((2, 1, 1, 0), (report.Alive, report.Loaded, report.Draining, report.Unloaded));
        var draining = Assert.Single(report.Retired);
        Assert.Equal(("widgets", "versioned", "1.0.0", RetiredContextState.Draining, 1), (draining.Folder, draining.PluginId, draining.Version, draining.State, draining.Leases));
        Assert.Null(draining.UnloadedAt);
    }

    [Fact]
    public async Task CollectAndReport_ShowsNoRetiredContext_OnceReplacedVersionsLastLeaseEnds()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        for (var cycle = 1; cycle <= 3; cycle++)
        {
            await ReplaceWhileInUseAsync(host.Catalog, directory, $"1.0.{cycle}");
        }

        var report = Monitor(host).CollectAndReport();

        Assert.Equal((1, 1, 0, 0), (report.Alive, report.Loaded, report.Draining, report.Unloaded));
        Assert.Empty(report.Retired);
        Assert.Equal(3, report.Collected);
    }

    [Fact]
    public async Task CollectAndReport_CountsRefusedLoadsContextAsCollected_WhenRegisterThrew()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("throwing-register");
        await using var host = await CatalogHost.StartAsync(directory);

        var report = Monitor(host).CollectAndReport();

        Assert.Equal(PluginState.Failed, Assert.Single(host.Catalog.Current.Plugins).State);
        Assert.Equal((0, 0, 1L), (report.Alive, report.Unloaded, report.Collected));
    }

    [Fact]
    public async Task Report_KeepsUnloadedContextListed_UntilTheCollectorReclaimsIt()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory);
        var keptAlive = KeepRecordTypeAlive(host.Catalog);

        directory.Remove("widgets");
        await host.Catalog.RescanAsync(CancellationToken.None);
        var report = Monitor(host).CollectAndReport();

        // A plugin type held past its lease (a leak, on purpose here) keeps the context: the report says so.
        var unloaded = Assert.Single(report.Retired);
        Assert.Equal((RetiredContextState.Unloaded, 0), (unloaded.State, unloaded.Leases));
        Assert.NotNull(unloaded.UnloadedAt);
        Assert.Equal((1, 0, 1), (report.Alive, report.Loaded, report.Unloaded));
        GC.KeepAlive(keptAlive);
    }

    private static IPluginLoadContextMonitor Monitor(CatalogHost host) => host.Services.GetRequiredService<IPluginLoadContextMonitor>();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Type KeepRecordTypeAlive(IPluginCatalog catalog)
    {
        using var lease = catalog.Acquire();
        return lease.Snapshot.RecordTypes["Widget"].ClrType;
    }

    /// <summary>
    /// Replaces the plugin while a lease uses the running version (so its serializer has cached its types), then
    /// ends the lease. A method of its own: no frame of the test keeps a reference to the old snapshot.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task ReplaceWhileInUseAsync(IPluginCatalog catalog, PluginDirectory directory, string version)
    {
        using var lease = catalog.Acquire();
        directory.OverwriteWithTestPlugin("widgets", "versioned-v1");
        directory.EditManifest("widgets", m => m["version"] = version);
        await catalog.RescanAsync(CancellationToken.None);
        var widget = lease.Snapshot.RecordTypes["Widget"].Parse(TestJson.Parse("""{ "no": "W-1" }""")).Value!;
        await lease.Snapshot.Responses["WIDGET_STAMP"].InvokeAsync(
            TestJson.Invocation(widget, """{ "stamp": "OK" }""", new RecordingEventRaiser()), CancellationToken.None);
    }
}
