using System.Text.Json;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

public sealed class ResponseDescriptorTests
{
    private const string Document = """{ "no": "PO-1001", "vendorNo": "V-10", "amount": 1500, "status": "Open" }""";

    [Fact]
    public async Task OptionSchema_DescribesEachOption_WhenTheResponseHasOptions()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var status = Assert.Single(host.Catalog.Current.Responses["SET_PURCHASE_STATUS"].OptionSchema);

        Assert.Equal("status", status.Name);
        Assert.Equal("string", status.Type);
        Assert.True(status.IsRequired);
        Assert.Equal("The status to set: Open, PendingApproval or Released.", status.Description);
        Assert.Equal(["Open", "PendingApproval", "Released"], status.AllowedValues);
        Assert.Empty(host.Catalog.Current.Responses["RELEASE_PURCHASE_DOCUMENT"].OptionSchema);
    }

    [Theory]
    [InlineData(null, "status", "Missing required field 'status'.")]
    [InlineData("""{ }""", "status", "Missing required field 'status'.")]
    [InlineData("""{ "status": "" }""", "status", "The status field is required.")]
    [InlineData("""{ "status": "Closed" }""", "status", "The status field does not equal any of the values specified in AllowedValuesAttribute.")]
    [InlineData("""{ "status": "Open", "colour": "red" }""", "colour", "Unknown field 'colour'. Known fields: status.")]
    [InlineData("""{ "status": 3 }""", "status", "Expected text, found the number 3.")]
    public async Task ValidateOptions_NamesTheOption_WhenOptionsAreInvalid(string? options, string option, string message)
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var errors = host.Catalog.Current.Responses["SET_PURCHASE_STATUS"].ValidateOptions(options is null ? null : TestJson.Parse(options));

        Assert.Equal([new OptionError(option, message)], errors);
    }

    [Fact]
    public async Task ValidateOptions_ReturnsNoError_WhenOptionsAreValid()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        Assert.Empty(host.Catalog.Current.Responses["SET_PURCHASE_STATUS"].ValidateOptions(TestJson.Parse("""{ "status": "Released" }""")));
        Assert.Empty(host.Catalog.Current.Responses["RELEASE_PURCHASE_DOCUMENT"].ValidateOptions(null));
    }

    [Fact]
    public async Task InvokeAsync_ReturnsChangedRecord_WhenStatusIsSet()
    {
        var (json, message, raised) = await InvokePurchasingAsync("SET_PURCHASE_STATUS", """{ "status": "PendingApproval" }""");

        Assert.Equal("PO-1001: status set to PendingApproval", message);
        Assert.Equal("PendingApproval", json!.RootElement.GetProperty("status").GetString());
        Assert.Equal(1500, json.RootElement.GetProperty("amount").GetDecimal());
        Assert.Empty(raised);
    }

    [Fact]
    public async Task InvokeAsync_ReleasesAndRaisesReleasedEvent_WhenDocumentIsReleased()
    {
        var (json, message, raised) = await InvokePurchasingAsync("RELEASE_PURCHASE_DOCUMENT", null);

        Assert.Equal("PO-1001 released", message);
        Assert.Equal("Released", json!.RootElement.GetProperty("status").GetString());
        var (eventName, recordJson) = Assert.Single(raised);
        Assert.Equal("PURCHASE_DOCUMENT_RELEASED", eventName);
        Assert.Contains("\"status\":\"Released\"", recordJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CompletesWithNote_WhenNoteIsGiven()
    {
        var (json, message, _) = await InvokePurchasingAsync("NOTE_PURCHASE_DOCUMENT", """{ "text": "Checked by purchasing" }""");

        Assert.Null(json);
        Assert.Equal("Note on PO-1001: Checked by purchasing", message);
    }

    [Fact]
    public async Task InvokeAsync_ThrowsNamingTheOption_WhenOptionsAreInvalid()
    {
        var exception = await Assert.ThrowsAsync<ResponseOptionsException>(() => InvokePurchasingAsync("NOTE_PURCHASE_DOCUMENT", "{}"));

        Assert.Equal("NOTE_PURCHASE_DOCUMENT", exception.FunctionName);
        Assert.Equal([new OptionError("text", "Missing required field 'text'.")], exception.Errors);
        Assert.Equal("The options of NOTE_PURCHASE_DOCUMENT are invalid: text: Missing required field 'text'.", exception.Message);
    }

    [Fact]
    public async Task InvokeAsync_RevertsFromPreviousRecord_WhenCustomerCreditLimitWasRaised()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var customer = lease.Snapshot.RecordTypes["Customer"];
        var current = customer.Parse(TestJson.Parse("""{ "no": "C-1", "name": "Adatum", "creditLimit": 90000 }""")).Value!;
        var previous = customer.Parse(TestJson.Parse("""{ "no": "C-1", "name": "Adatum", "creditLimit": 20000 }""")).Value!;

        var result = await lease.Snapshot.Responses["REVERT_CUSTOMER_CREDIT_LIMIT"].InvokeAsync(
            TestJson.Invocation(current, null, new RecordingEventRaiser(), previous), CancellationToken.None);

        Assert.Equal("Credit limit of C-1 reverted from 90000 to 20000", result.Message);
        Assert.Contains("\"creditLimit\":20000", customer.Serialize(result.UpdatedRecord!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_InjectsPluginAndHostServices_WhenTheResponseNeedsThem()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var widget = lease.Snapshot.RecordTypes["Widget"].Parse(TestJson.Parse("""{ "no": "W-1" }""")).Value!;
        var raiser = new RecordingEventRaiser();

        var result = await lease.Snapshot.Responses["WIDGET_STAMP"].InvokeAsync(
            TestJson.Invocation(widget, """{ "stamp": "OK", "repeat": 2 }""", raiser), CancellationToken.None);

        Assert.Equal("OK OK by v1 (alice, key-1)", result.Message);
        var raised = Assert.Single(raiser.Raised);
        Assert.Equal("WIDGET_STAMPED", raised.EventName);
        Assert.Same(widget, raised.PreviousRecord);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Information TestPlugins.Versioned.WidgetStampResponse: Stamping W-1 at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Templates_CarryParsedOptions_WhenAPluginShipsTemplates()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var template = host.Catalog.Current.Templates.Single(t => t.Code == "PURCH-OVER-1000");

        Assert.Equal("PURCHASE_APPROVAL_REQUESTED", template.EntryEvent);
        Assert.Equal("Record.Amount > 1000m", template.Condition);
        Assert.Equal(["SET_PURCHASE_STATUS", "RELEASE_PURCHASE_DOCUMENT"], template.Responses.Select(r => r.FunctionName));
        Assert.Equal("PendingApproval", template.Responses[0].Options!.Value.GetProperty("status").GetString());
        Assert.Null(template.Responses[1].Options);
    }

    private static async Task<(JsonDocument? Record, string? Message, List<(string EventName, string RecordJson)> Raised)> InvokePurchasingAsync(
        string functionName, string? options)
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var recordType = lease.Snapshot.RecordTypes["PurchaseDocument"];
        var document = recordType.Parse(TestJson.Parse(Document)).Value!;
        var raiser = new RecordingEventRaiser();

        var result = await lease.Snapshot.Responses[functionName].InvokeAsync(TestJson.Invocation(document, options, raiser), CancellationToken.None);

        var updated = result.UpdatedRecord is null ? null : JsonDocument.Parse(recordType.Serialize(result.UpdatedRecord));
        return (updated, result.Message, [.. raiser.Raised.Select(r => (r.EventName, lease.Snapshot.Events[r.EventName].RecordType.Serialize(r.Record)))]);
    }
}
