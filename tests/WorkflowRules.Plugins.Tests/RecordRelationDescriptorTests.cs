using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

public sealed class RecordRelationDescriptorTests
{
    private const string Entry = """{ "entryNo": "AE-1", "documentNo": "PO-1001", "approver": "bob", "sequenceNo": 1 }""";

    [Fact]
    public async Task RecordRelations_ListTheApprovalEntryRelation_WhenPurchasingLoads()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var relation = Assert.Single(host.Catalog.Current.RecordRelations);

        Assert.Equal("PurchaseApprovalEntry", relation.RecordType);
        Assert.Equal("PurchaseDocument", relation.RelatedRecordType);
        Assert.Equal("purchasing", relation.PluginId);
    }

    [Fact]
    public async Task GetRelatedKey_ReturnsTheDocumentNo_WhenRecordIsAnApprovalEntry()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var entry = lease.Snapshot.RecordTypes["PurchaseApprovalEntry"].Parse(TestJson.Parse(Entry)).Value!;

        var key = Assert.Single(lease.Snapshot.RecordRelations).GetRelatedKey(entry);

        Assert.Equal("PO-1001", key);
    }

    [Fact]
    public async Task GetRelatedKey_Throws_WhenTheRecordIsOfAnotherType()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var document = lease.Snapshot.RecordTypes["PurchaseDocument"].Parse(TestJson.Parse("""{ "no": "PO-1", "vendorNo": "V-1" }""")).Value!;

        var exception = Assert.Throws<ArgumentException>(() => Assert.Single(lease.Snapshot.RecordRelations).GetRelatedKey(document));

        Assert.Contains("Expected a WorkflowRules.Purchasing.Approvals.PurchaseApprovalEntry of plugin purchasing 1.0.0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRelatedKey_ThrowsObjectDisposed_WhenThePluginHasUnloaded()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);
        RecordRelationDescriptor relation;
        object entry;
        using (var lease = host.Catalog.Acquire())
        {
            relation = Assert.Single(lease.Snapshot.RecordRelations);
            entry = lease.Snapshot.RecordTypes["PurchaseApprovalEntry"].Parse(TestJson.Parse(Entry)).Value!;
        }

        directory.Remove("purchasing");
        await host.Catalog.RescanAsync(CancellationToken.None);

        var exception = Assert.Throws<ObjectDisposedException>(() => relation.GetRelatedKey(entry));
        Assert.Contains("take a CatalogLease", exception.Message, StringComparison.Ordinal);
    }
}
