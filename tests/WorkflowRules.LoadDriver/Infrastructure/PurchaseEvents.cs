using System.Globalization;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// The workload: purchase documents sent for approval, and a workflow that reacts to the large ones with the
/// condition of the issue (<c>Amount &gt; 1000 &amp;&amp; VendorNo starts with "V" &amp;&amp; any line with Quantity &gt; 10</c>).
/// </summary>
internal static class PurchaseEvents
{
    public const string EventName = "PURCHASE_APPROVAL_REQUESTED";

    public const string LargePurchaseCondition =
        "Record.Amount > 1000 && Record.VendorNo.StartsWith(\"V\", StringComparison.Ordinal) && Record.Lines.Any(l => l.Quantity > 10)";

    /// <summary>A workflow with the condition above and <paramref name="responses"/> status changes in a chain.</summary>
    public static object LargePurchaseWorkflow(string code, int responses = 1) => new
    {
        code,
        description = "Large purchases wait for approval (load driver)",
        enabled = true,
        entryEvent = EventName,
        condition = LargePurchaseCondition,
        responses = Enumerable.Range(0, responses)
            .Select(i => new { function = "SET_PURCHASE_STATUS", options = new { status = i % 2 == 0 ? "PendingApproval" : "Open" } })
            .ToArray(),
    };

    /// <summary>An approval request for document <paramref name="number"/>, large enough to match; the key makes retries safe.</summary>
    public static object ApprovalRequested(string runId, int number, decimal amount = 2500m) => new
    {
        @event = EventName,
        idempotencyKey = $"{runId}-{number.ToString(CultureInfo.InvariantCulture)}",
        record = new
        {
            no = $"PO-{number.ToString(CultureInfo.InvariantCulture)}",
            documentType = "Order",
            vendorNo = "V1000",
            amount,
            currencyCode = "EUR",
            purchaserCode = "LOAD",
            status = "Open",
            lines = new[]
            {
                new { type = "Item", no = "1000", quantity = 2m, unitCost = 100m },
                new { type = "Item", no = "1001", quantity = 12m, unitCost = 175m },
            },
        },
    };
}
