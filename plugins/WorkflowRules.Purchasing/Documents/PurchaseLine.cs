namespace WorkflowRules.Purchasing.Documents;

/// <summary>One line of a purchase document.</summary>
public sealed class PurchaseLine
{
    /// <summary>Item, GLAccount, Resource or FixedAsset.</summary>
    public string Type { get; init; } = "Item";

    public string No { get; init; } = "";

    public decimal Quantity { get; init; }

    public decimal UnitCost { get; init; }
}
