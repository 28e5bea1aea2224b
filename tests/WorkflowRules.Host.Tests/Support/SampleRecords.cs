namespace WorkflowRules.Host.Tests.Support;

/// <summary>Records as an application would post them.</summary>
public static class SampleRecords
{
    public static object PurchaseOrder(string no, decimal amount, string vendorNo = "V1000", decimal lineQuantity = 5) => new
    {
        no,
        documentType = "Order",
        vendorNo,
        amount,
        status = "Open",
        lines = new[] { new { type = "Item", no = "1000", quantity = lineQuantity, unitCost = amount / Math.Max(1, lineQuantity) } },
    };

    /// <summary>An approval entry of a purchase document (it belongs to the document, so its events move the document's instance).</summary>
    public static object ApprovalEntry(string entryNo, string documentNo, string approver = "ANNA", int sequenceNo = 1) =>
        new { entryNo, documentNo, approver, sequenceNo };

    public static object Customer(string no, decimal creditLimit, bool blocked = false) => new { no, name = $"Customer {no}", creditLimit, blocked };
}
