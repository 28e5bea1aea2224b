using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>RecordTypeDescriptor.Fields, read from each record class when its plugin loads.</summary>
public sealed class RecordFieldReaderTests
{
    [Fact]
    public async Task Fields_DescribeEachPropertyAndTheLines_WhenRecordTypeIsPurchaseDocument()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var fields = host.Catalog.Current.RecordTypes["PurchaseDocument"].Fields;

        Assert.Equal(
            [
                "No no string required -", "DocumentType documentType string optional -", "VendorNo vendorNo string required -",
                "Amount amount number optional comparable", "CurrencyCode currencyCode string optional -",
                "PurchaserCode purchaserCode string optional -", "Status status string optional -", "Lines lines list optional -",
            ],
            fields.Select(Describe));
        var lines = fields.Single(f => f.Name == "Lines");
        Assert.Equal(
            ["Type type string optional -", "No no string optional -", "Quantity quantity number optional comparable", "UnitCost unitCost number optional comparable"],
            lines.Fields.Select(Describe));
        Assert.All(lines.Fields, f => Assert.Empty(f.Fields));
    }

    [Fact]
    public async Task Fields_MarkRequiredMembers_WhenRecordTypeIsPurchaseApprovalEntry()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var fields = host.Catalog.Current.RecordTypes["PurchaseApprovalEntry"].Fields;

        Assert.Equal(
            ["EntryNo entryNo string required -", "DocumentNo documentNo string required -", "Approver approver string required -", "SequenceNo sequenceNo integer optional comparable"],
            fields.Select(Describe));
    }

    [Fact]
    public async Task Fields_TellBooleansFromComparableNumbers_WhenRecordTypeIsCustomer()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);

        var fields = host.Catalog.Current.RecordTypes["Customer"].Fields;

        Assert.Equal(
            ["No no string required -", "Name name string optional -", "CreditLimit creditLimit number optional comparable", "Blocked blocked boolean optional -"],
            fields.Select(Describe));
    }

    [Fact]
    public async Task Fields_DescribeDatesEnumsAndStopAtCycles_WhenAClassRefersToItself()
    {
        using var directory = new PluginDirectory();
        directory.AddTestPlugin("versioned-v1");
        await using var host = await CatalogHost.StartAsync(directory);

        var fields = host.Catalog.Current.RecordTypes["Widget"].Fields;

        Assert.Equal(
            [
                "No no string required -", "Quantity quantity integer optional comparable", "Label label string optional -",
                "MadeOn madeOn date optional comparable", "Parts parts list optional -",
            ],
            fields.Select(Describe));
        var parts = fields.Single(f => f.Name == "Parts").Fields;
        Assert.Equal(
            ["Name name string required -", "Count count integer optional comparable", "Grade grade string optional comparable", "SubParts subParts list optional -"],
            parts.Select(Describe));
        Assert.Empty(parts.Single(f => f.Name == "SubParts").Fields);
    }

    [Fact]
    public async Task Fields_StayReadable_WhenThePluginHasUnloaded()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);
        var fields = host.Catalog.Current.RecordTypes["Customer"].Fields;

        directory.Remove("customers");
        await host.Catalog.RescanAsync(CancellationToken.None);

        Assert.Empty(host.Catalog.Current.RecordTypes);
        Assert.Equal("CreditLimit", fields[2].Name);
    }

    private static string Describe(RecordFieldDescriptor field) =>
        $"{field.Name} {field.JsonName} {field.Type} {(field.IsRequired ? "required" : "optional")} {(field.IsComparable ? "comparable" : "-")}";
}
