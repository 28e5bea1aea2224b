using Microsoft.Extensions.Options;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

public sealed class PluginCatalogLoadingTests
{
    [Fact]
    public async Task Start_LoadsProductPlugins_WhenTheirFoldersArePresent()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.AddProductPlugin("customers");

        await using var host = await CatalogHost.StartAsync(directory);
        var snapshot = host.Catalog.Current;

        Assert.All(snapshot.Plugins, p => Assert.Equal(PluginState.Loaded, p.State));
        Assert.Equal(["customers", "purchasing"], snapshot.Plugins.Select(p => p.Id));
        Assert.Equal(["Customer", "PurchaseApprovalEntry", "PurchaseDocument"], snapshot.RecordTypes.Keys.Order());
        var requested = snapshot.Events["PURCHASE_APPROVAL_REQUESTED"];
        Assert.Equal("When approval of a purchase document is requested", requested.Description);
        Assert.Equal("PurchaseDocument", requested.RecordType.Name);
        Assert.Equal("PURCH", requested.Category);
        Assert.Equal("purchasing", requested.PluginId);
        Assert.False(requested.CarriesPreviousRecord);
        Assert.True(snapshot.Events["CUSTOMER_CHANGED"].CarriesPreviousRecord);
        Assert.Equal("SALES", snapshot.Events["CUSTOMER_CHANGED"].Category);
        Assert.Equal(
            [
                "APPLY_CUSTOMER_CREDIT_LIMIT", "BLOCK_CUSTOMER", "NOTE_PURCHASE_DOCUMENT", "RELEASE_PURCHASE_DOCUMENT",
                "REVERT_CUSTOMER_CREDIT_LIMIT", "SET_PURCHASE_STATUS",
            ],
            snapshot.Responses.Keys.Order());
        Assert.Equal(
            ["CUST-CREDIT-APPROVAL", "PURCH-APPROVAL-LOOP", "PURCH-AUTO-RELEASE", "PURCH-OVER-1000", "SALES-CREDIT-RAISE"],
            snapshot.Templates.Select(t => t.Code));
        Assert.Contains(("PURCHASE_APPROVAL_REQUESTED", "PURCHASE_DOCUMENT_RELEASED"), snapshot.EventCombinations);
        Assert.Contains(("CUSTOMER_CHANGED", "REVERT_CUSTOMER_CREDIT_LIMIT"), snapshot.ResponseCombinations);
        var purchasing = snapshot.Plugins.Single(p => p.Id == "purchasing");
        Assert.Equal("1.0.0", purchasing.Version);
        Assert.NotNull(purchasing.LoadedAt);
        Assert.Contains("SET_PURCHASE_STATUS", purchasing.FunctionNames);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Plugin purchasing 1.0.0 loaded from folder purchasing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plugins_ReportsMissingManifest_WhenPluginJsonIsAbsent()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        File.Delete(directory.PathOf("purchasing", "plugin.json"));

        var status = await LoadSingleFailureAsync(directory);

        Assert.Contains("plugin.json is missing", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ReportsInvalidJson_WhenManifestIsMalformed()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        File.WriteAllText(directory.PathOf("purchasing", "plugin.json"), "{ \"id\": \"purchasing\", ");

        var status = await LoadSingleFailureAsync(directory);

        Assert.Contains("plugin.json is not valid JSON", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ReportsMissingField_WhenManifestLacksAssembly()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.EditManifest("purchasing", m => m.Remove("assembly"));

        var status = await LoadSingleFailureAsync(directory);

        Assert.Contains("plugin.json needs \"assembly\"", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ReportsMissingAssembly_WhenManifestNamesAFileNotInTheFolder()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.EditManifest("purchasing", m => m["assembly"] = "Missing.dll");

        var status = await LoadSingleFailureAsync(directory);

        Assert.Equal("purchasing", status.Id);
        Assert.Contains("names Missing.dll, which is not in the folder", status.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("0.9")]
    [InlineData("1.99")]
    public async Task Plugins_RefusesPlugin_WhenManifestSdkVersionIsIncompatible(string sdkVersion)
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.EditManifest("purchasing", m => m["sdkVersion"] = sdkVersion);
        var host = typeof(WorkflowRules.Sdk.Plugins.IWorkflowPlugin).Assembly.GetName().Version!;

        var status = await LoadSingleFailureAsync(directory);

        Assert.Contains($"needs SDK {sdkVersion}, but this host provides SDK {host.Major}.{host.Minor}", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ReportsConstructorException_WhenEntryPointConstructorThrows()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("throwing-constructor");

        var status = await LoadSingleFailureAsync(directory);

        Assert.Equal(
            "The constructor of TestPlugins.ThrowingConstructor.ThrowingConstructorPlugin threw InvalidOperationException: Simulated failure in the plugin's constructor.",
            status.Error);
    }

    [Fact]
    public async Task Plugins_ReportsRegisterException_WhenRegisterThrows()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("throwing-register");

        var status = await LoadSingleFailureAsync(directory);

        Assert.Equal("TestPlugins.ThrowingRegister.ThrowingRegisterPlugin.Register threw NotSupportedException: Simulated failure in Register.", status.Error);
    }

    [Fact]
    public async Task Plugins_ListsEveryProblem_WhenDeclarationsBreakTheRules()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("bad-declarations");

        var status = await LoadSingleFailureAsync(directory);

        Assert.Contains("Event function name 'thing_created' is not valid", status.Error, StringComparison.Ordinal);
        Assert.Contains("Event THING_CHANGED carries Thing, which the plugin does not declare", status.Error, StringComparison.Ordinal);
        Assert.Contains("Response NOTE_THING needs a description", status.Error, StringComparison.Ordinal);
        Assert.Contains("names NO_SUCH_RESPONSE, which is not a response", status.Error, StringComparison.Ordinal);
        Assert.Contains("Template THING-NOTE, response NOTE_THING: option unknownOption: Unknown field 'unknownOption'", status.Error, StringComparison.Ordinal);
        Assert.Contains("Template THING-NOTE, response NOTE_THING: option text: Missing required field 'text'.", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_RefusesLaterPlugin_WhenAFunctionNameIsAlreadyProvided()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "a-widgets");
        directory.AddTestPlugin("versioned-v1", "b-widgets-copy");
        directory.EditManifest("b-widgets-copy", m => m["id"] = "widgets-copy");

        await using var host = await CatalogHost.StartAsync(directory);
        var snapshot = host.Catalog.Current;

        var first = snapshot.Plugins.Single(p => p.Folder == "a-widgets");
        var later = snapshot.Plugins.Single(p => p.Folder == "b-widgets-copy");
        Assert.Equal(PluginState.Loaded, first.State);
        Assert.Equal(PluginState.Failed, later.State);
        Assert.Contains(
            "Function name WIDGET_CREATED is already provided by plugin versioned 1.0.0 (folder 'a-widgets')", later.Error, StringComparison.Ordinal);
        Assert.Contains("Record type 'Widget' is already provided by plugin versioned", later.Error, StringComparison.Ordinal);
        Assert.Contains(
            "Category TEST is already declared by plugin versioned 1.0.0 (folder 'a-widgets'): use it without declaring it, or pick another code.",
            later.Error,
            StringComparison.Ordinal);
        Assert.Equal("versioned", snapshot.Events["WIDGET_CREATED"].PluginId);
    }

    [Fact]
    public async Task Plugins_RefusesSecondFolder_WhenItsPluginIdIsAlreadyLoaded()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing", "purchasing-a");
        directory.AddProductPlugin("purchasing", "purchasing-b");

        await using var host = await CatalogHost.StartAsync(directory);

        var later = host.Catalog.Current.Plugins.Single(p => p.Folder == "purchasing-b");
        Assert.Equal(PluginState.Failed, later.State);
        Assert.Contains("Plugin id 'purchasing' is already loaded from folder 'purchasing-a'.", later.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeepsGoodPluginsAndLogsEachFailure_WhenSomeFoldersFail()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.AddTestPlugin("throwing-constructor");
        directory.AddTestPlugin("throwing-register");
        Directory.CreateDirectory(directory.PathOf("empty"));

        await using var host = await CatalogHost.StartAsync(directory);
        var snapshot = host.Catalog.Current;

        Assert.Equal(4, snapshot.Plugins.Count);
        Assert.Equal(PluginState.Loaded, snapshot.Plugins.Single(p => p.Folder == "purchasing").State);
        Assert.Equal(3, snapshot.Plugins.Count(p => p.State == PluginState.Failed));
        Assert.True(snapshot.Events.ContainsKey("PURCHASE_APPROVAL_REQUESTED"));
        Assert.False(snapshot.Events.ContainsKey("GADGET_CREATED"));
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error WorkflowRules.Plugins: Plugin folder throwing-register refused: ", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error WorkflowRules.Plugins: Plugin folder empty refused: plugin.json is missing.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_Throws_WhenShadowCopyDirectoryIsInsideThePluginDirectory()
    {
        using var directory = new PluginDirectory();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => CatalogHost.StartAsync(
            directory, new Dictionary<string, string?> { ["Plugins:ShadowCopyDirectory"] = Path.Combine(directory.Plugins, ".shadow") }));

        Assert.Contains("must be outside Plugins:Directory", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LoadsNothingAndKeepsRunning_WhenThePluginDirectoryDoesNotExist()
    {
        using var directory = new PluginDirectory();
        Directory.Delete(directory.Plugins);

        await using var host = await CatalogHost.StartAsync(directory);

        Assert.Empty(host.Catalog.Current.Plugins);
        Assert.Contains(host.Logs.Lines, l => l.Contains("does not exist", StringComparison.Ordinal));
    }

    private static async Task<PluginStatus> LoadSingleFailureAsync(PluginDirectory directory)
    {
        await using var host = await CatalogHost.StartAsync(directory);
        var status = Assert.Single(host.Catalog.Current.Plugins);
        Assert.Equal(PluginState.Failed, status.State);
        Assert.NotNull(status.Error);
        Assert.Empty(host.Catalog.Current.Events);
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Plugin folder {status.Folder} refused: {status.Error}", StringComparison.Ordinal));
        return status;
    }
}
