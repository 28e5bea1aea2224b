using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>What the host checks in a plugin's declarations: every problem refuses the plugin, each with its own message.</summary>
public sealed class RegistrationValidatorTests
{
    [Theory]
    [InlineData("Category code 'things' is not valid: use 1 to 10 upper-case letters and digits, starting with a letter (e.g. HR).")]
    [InlineData("Category PURCH is the host's own ('Purchasing'): use it without declaring it.")]
    [InlineData("Category GIZMOS is declared twice.")]
    [InlineData("Category TOOLS needs a description.")]
    [InlineData("AddRecordRelation<Thing>(\"Gizmo\", …): Thing is not a record type of this plugin: call AddRecordType<Thing>(…) in Register.")]
    [InlineData("AddRecordRelation<Gizmo>(\" \", …) needs the name of the record type Gizmo belongs to (e.g. PurchaseDocument).")]
    [InlineData("RequireResponsePair(NO_SUCH_RESPONSE, NOTE_THING) names NO_SUCH_RESPONSE, which is not a response of this plugin: a plugin can only require a pair for its own responses.")]
    [InlineData("RequireResponsePair(NOTE_THING, ) needs the function name of the response that must go with NOTE_THING.")]
    public async Task Validate_RefusesPluginWithMessage_WhenCategoriesRelationsOrPairsAreWrong(string message)
    {
        var error = await LoadBadDeclarationsAsync();

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Template GIZMO-TREE gives Steps, so its Condition and Responses must be empty: put the condition on the root step and the responses in the tree.")]
    [InlineData("Template GIZMO-TREE has more than one step with id '2': ids must be unique within the template.")]
    [InlineData("Template GIZMO-TREE, step '3': its parent '99' is not a step of the template.")]
    [InlineData("Template GIZMO-TREE, step '4': its next step '77' is not a step of the template.")]
    [InlineData("Template GIZMO-TREE, step '8': its parents lead back to it, so it is not connected to the root (loop back with NextStepId instead).")]
    [InlineData("Template GIZMO-TREE, step '1': give either Condition or ConditionScript, not both.")]
    [InlineData("Template GIZMO-TREE, step '2' (NOTE_THING): options must be a JSON object such as { \"name\": \"value\" }, found a list.")]
    [InlineData("Template GIZMO-TREE, step '5' is a response: conditions and change rules belong on event steps.")]
    [InlineData("Template GIZMO-TREE, step '6': NOTE_THING is not an event of this or any loaded plugin.")]
    [InlineData("Template GIZMO-ROOTS has 2 root steps ('1', '2'): exactly one step, the entry event GIZMO_CREATED, may have no ParentId.")]
    [InlineData("Template GIZMO-NO-ROOT has no root step: exactly one step, the entry event GIZMO_CREATED, must have no ParentId.")]
    [InlineData("Template GIZMO-WRONG-ROOT: its root step '1' must be the entry event GIZMO_CHANGED, found Response NOTE_THING.")]
    [InlineData("Template GIZMO-SUB, step '2' is a sub-workflow: options belong on response steps.")]
    [InlineData("Template GIZMO-SUB, step '2': 'not a code' is not a workflow code (up to 20 upper-case letters, digits, '-' or '_').")]
    public async Task Validate_RefusesPluginWithMessage_WhenATemplateStepTreeIsWrong(string message)
    {
        var error = await LoadBadDeclarationsAsync();

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Template GIZMO-TREE, step '1': the change rule names Colour, which is not a field of Gizmo (fields: No, Name, Weight).")]
    [InlineData("Template GIZMO-TREE, step '1': Name cannot have Increased: it is a string field, whose values have no order; use Changed.")]
    [InlineData("Template GIZMO-ROOTS, step '1': change rules compare with the previous record, but GIZMO_CREATED does not carry one.")]
    public async Task Validate_RefusesPluginWithMessage_WhenAChangeRuleDoesNotFitTheEvent(string message)
    {
        var error = await LoadBadDeclarationsAsync();

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Categories_ListHostAndPluginCategories_WhenAPluginDeclaresOne()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1");
        await using var host = await CatalogHost.StartAsync(directory);

        var categories = host.Catalog.Current.Categories;

        Assert.Equal(new CategoryDescriptor("TEST", "Test widgets", "versioned"), categories["TEST"]);
        Assert.Equal(new CategoryDescriptor("PURCH", "Purchasing", null), categories["PURCH"]);
        Assert.Equal(["ADMIN", "FIN", "INT", "PURCH", "SALES", "TEST"], categories.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Categories_StayWithTheFirstPlugin_WhenALaterOneRedeclaresIt()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1", "a-widgets");
        directory.AddTestPlugin("versioned-v2", "b-widgets");
        directory.EditManifest("b-widgets", m => m["id"] = "other-widgets");

        await using var host = await CatalogHost.StartAsync(directory);

        var later = host.Catalog.Current.Plugins.Single(p => p.Folder == "b-widgets");
        Assert.Equal(PluginState.Failed, later.State);
        Assert.Contains("Category TEST is already declared by plugin versioned 1.0.0 (folder 'a-widgets')", later.Error, StringComparison.Ordinal);
        Assert.Equal("versioned", host.Catalog.Current.Categories["TEST"].PluginId);
    }

    [Fact]
    public async Task ResponsePairs_ListRevertThenApply_WhenCustomersLoads()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);

        var pair = Assert.Single(host.Catalog.Current.ResponsePairs);

        Assert.Equal(new ResponsePairDescriptor("REVERT_CUSTOMER_CREDIT_LIMIT", "APPLY_CUSTOMER_CREDIT_LIMIT", "customers"), pair);
    }

    private static async Task<string> LoadBadDeclarationsAsync()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("bad-declarations");
        await using var host = await CatalogHost.StartAsync(directory);
        var status = Assert.Single(host.Catalog.Current.Plugins);
        Assert.Equal(PluginState.Failed, status.State);
        Assert.DoesNotContain(host.Catalog.Current.Categories.Values, c => c.PluginId is not null);
        return status.Error!;
    }
}
