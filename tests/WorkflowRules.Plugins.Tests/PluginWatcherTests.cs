using Microsoft.Extensions.Time.Testing;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>The real file watcher, with a short debounce and the periodic rescan off, so only file events drive the catalog.</summary>
public sealed class PluginWatcherTests
{
    private static readonly Dictionary<string, string?> s_watching = new()
    {
        ["Plugins:Watch"] = "true",
        ["Plugins:Debounce"] = "00:00:00.200",
        ["Plugins:RescanInterval"] = "00:00:00",
    };

    [Fact]
    public async Task Watcher_AddsThenRemovesPlugin_WhenAFolderIsCopiedInThenDeleted()
    {
        using var directory = new PluginDirectory();
        await using var host = await CatalogHost.StartAsync(directory, s_watching);

        directory.AddProductPlugin("purchasing");
        await Eventually.HoldsAsync(() => host.Catalog.Current.Events.ContainsKey("PURCHASE_APPROVAL_REQUESTED"), "the purchasing events appear");

        directory.Remove("purchasing");
        await Eventually.HoldsAsync(() => host.Catalog.Current.Plugins.Count == 0, "the purchasing plugin disappears");
        Assert.Empty(host.Catalog.Current.Events);
    }

    [Fact]
    public async Task Watcher_SwitchesToNewVersion_WhenAFolderIsOverwritten()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "widgets");
        await using var host = await CatalogHost.StartAsync(directory, s_watching);

        directory.OverwriteWithTestPlugin("widgets", "versioned-v2");

        await Eventually.HoldsAsync(() => host.Catalog.Current.Plugins.Single().Version == "2.0.0", "version 2.0.0 is loaded");
        Assert.True(host.Catalog.Current.Responses.ContainsKey("WIDGET_RESET"));
    }

    [Fact]
    public async Task Watcher_LoadsFolder_WhenItsMissingManifestArrivesLast()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        var manifest = File.ReadAllText(directory.PathOf("customers", "plugin.json"));
        File.Delete(directory.PathOf("customers", "plugin.json"));
        await using var host = await CatalogHost.StartAsync(directory, s_watching);
        Assert.Equal(PluginState.Failed, host.Catalog.Current.Plugins.Single().State);

        File.WriteAllText(directory.PathOf("customers", "plugin.json"), manifest);

        await Eventually.HoldsAsync(() => host.Catalog.Current.Plugins.Single().State == PluginState.Loaded, "the folder loads once complete");
    }

    [Fact]
    public async Task RescanTimer_LoadsPlugin_WhenTheDirectoryAppearsAfterStart()
    {
        using var directory = new PluginDirectory();
        Directory.Delete(directory.Plugins);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 31, 9, 0, 0, TimeSpan.Zero));
        await using var host = await CatalogHost.StartAsync(
            directory,
            new Dictionary<string, string?> { ["Plugins:Watch"] = "true", ["Plugins:Debounce"] = "00:00:00", ["Plugins:RescanInterval"] = "00:00:05" },
            time);

        // No directory at start means no file watcher: only the periodic rescan can find the plugin.
        directory.AddProductPlugin("customers");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(host.Catalog.Current.Plugins);

        time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.HoldsAsync(() => host.Catalog.Current.Events.ContainsKey("CUSTOMER_CHANGED"), "the rescan loads the customers plugin");
        Assert.Equal(time.GetUtcNow(), host.Catalog.Current.Plugins.Single().LoadedAt);
    }
}
