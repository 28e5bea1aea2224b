namespace WorkflowRules.Purchasing.Documents;

/// <summary>The statuses a purchase document moves through.</summary>
public static class PurchaseDocumentStatus
{
    public const string Open = "Open";
    public const string PendingApproval = "PendingApproval";
    public const string Released = "Released";
}
