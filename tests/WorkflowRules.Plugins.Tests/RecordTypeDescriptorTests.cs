using System.Text.Json;
using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

public sealed class RecordTypeDescriptorTests
{
    private const string ValidDocument = """
        {
          "no": "PO-1001", "vendorNo": "V-10", "amount": 1250.50, "status": "Open",
          "lines": [ { "type": "Item", "no": "1000", "quantity": 2, "unitCost": 625.25 } ]
        }
        """;

    [Fact]
    public async Task Parse_ReturnsTypedRecordWithKey_WhenJsonIsValid()
    {
        var (errors, key, serialized) = await WithPurchaseDocumentTypeAsync(recordType =>
        {
            var result = recordType.Parse(TestJson.Parse(ValidDocument));
            Assert.True(result.Succeeded);
            Assert.Equal(recordType.ClrType, result.Value!.GetType());
            return (result.Errors, recordType.GetKey(result.Value), recordType.Serialize(result.Value));
        });

        Assert.Empty(errors);
        Assert.Equal("PO-1001", key);
        using var json = JsonDocument.Parse(serialized);
        Assert.Equal("V-10", json.RootElement.GetProperty("vendorNo").GetString());
        Assert.Equal(1250.50m, json.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(2, json.RootElement.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task Parse_NamesNestedFieldPath_WhenAValueHasTheWrongType()
    {
        var errors = await ParseDocumentAsync("""{ "no": "PO-1", "vendorNo": "V-1", "lines": [ { "no": "1000", "quantity": "ten" } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("lines[0].quantity", error.Path);
        Assert.Equal("Expected a number, found the text \"ten\".", error.Message);
    }

    [Fact]
    public async Task Parse_NamesMissingRequiredMember_WhenItIsAbsent()
    {
        var errors = await ParseDocumentAsync("""{ "no": "PO-1" }""");

        var error = Assert.Single(errors);
        Assert.Equal("vendorNo", error.Path);
        Assert.Equal("Missing required field 'vendorNo'.", error.Message);
    }

    [Fact]
    public async Task Parse_NamesUnknownMember_WhenJsonHasAFieldTheTypeLacks()
    {
        var errors = await ParseDocumentAsync("""{ "no": "PO-1", "vendorNo": "V-1", "vendor": "V-1" }""");

        var error = Assert.Single(errors);
        Assert.Equal("vendor", error.Path);
        Assert.StartsWith("Unknown field 'vendor'. Known fields: no, documentType, vendorNo, amount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ReportsNull_WhenANonNullableMemberIsNull()
    {
        var errors = await ParseDocumentAsync("""{ "no": "PO-1", "vendorNo": null }""");

        Assert.Equal([new FieldError("vendorNo", "'vendorNo' must not be null.")], errors);
    }

    [Fact]
    public async Task Parse_ReportsDataAnnotationViolations_WhenValuesBreakTheirAttributes()
    {
        var errors = await ParseDocumentAsync("""{ "no": "", "vendorNo": "V-1", "amount": -5 }""");

        Assert.Equal(2, errors.Count);
        Assert.Contains(new FieldError("no", "The no field is required."), errors);
        Assert.Contains(errors, e => e.Path == "amount" && e.Message.StartsWith("The field amount must be between 0 and", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_ReportsEveryProblemWithItsPath_WhenSeveralFieldsAreWrong()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var widget = lease.Snapshot.RecordTypes["Widget"];

        var json = TestJson.Parse("""
            { "quantity": 1.5, "madeOn": "31/01/2025", "colour": "red", "parts": [ { "name": "bolt" }, { "count": 2 }, "nut" ] }
            """);
        var result = widget.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                new FieldError("quantity", "Expected a whole number, found the number 1.5."),
                new FieldError("madeOn", "Expected a date such as \"2025-01-31\", found the text \"31/01/2025\"."),
                new FieldError("colour", "Unknown field 'colour'. Known fields: no, quantity, label, madeOn, parts."),
                new FieldError("parts[1].name", "Missing required field 'name'."),
                new FieldError("parts[2]", "Expected an object, found the text \"nut\"."),
                new FieldError("no", "Missing required field 'no'."),
            ],
            result.Errors);
        Assert.Equal("quantity", result.Path);
        // Read again, from the contracts the first read left with the plugin version: the same findings.
        Assert.Equal(result.Errors, widget.Parse(json).Errors);
    }

    [Fact]
    public async Task Parse_ReportsNestedAnnotationViolation_WhenAListItemIsOutOfRange()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();

        var result = lease.Snapshot.RecordTypes["Widget"].Parse(TestJson.Parse("""{ "no": "W-1", "parts": [ { "name": "bolt", "count": 500 } ] }"""));

        Assert.Equal([new FieldError("parts[0].count", "The field count must be between 1 and 100.")], result.Errors);
    }

    [Fact]
    public async Task Parse_ReportsTheDocument_WhenJsonIsNotAnObject()
    {
        var errors = await ParseDocumentAsync("[1, 2]");

        Assert.Equal([new FieldError("", "Expected an object, found a list.")], errors);
    }

    [Fact]
    public async Task GetKey_Throws_WhenTheRecordIsNotOfTheRecordType()
    {
        var exception = await WithPurchaseDocumentTypeAsync(recordType => Assert.Throws<ArgumentException>(() => recordType.GetKey("PO-1")));

        Assert.Contains("Expected a WorkflowRules.Purchasing.Documents.PurchaseDocument", exception.Message, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<FieldError>> ParseDocumentAsync(string json) =>
        WithPurchaseDocumentTypeAsync(recordType =>
        {
            var result = recordType.Parse(TestJson.Parse(json));
            Assert.False(result.Succeeded);
            Assert.Null(result.Value);
            return result.Errors;
        });

    private static async Task<T> WithPurchaseDocumentTypeAsync<T>(Func<RecordTypeDescriptor, T> test)
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        return test(lease.Snapshot.RecordTypes["PurchaseDocument"]);
    }
}
