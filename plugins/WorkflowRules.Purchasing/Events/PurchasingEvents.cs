using WorkflowRules.Sdk.Events;

namespace WorkflowRules.Purchasing.Events;

/// <summary>The events the purchasing application raises (or a response raises) on a purchase document.</summary>
public static class PurchasingEvents
{
    public const string ApprovalRequested = "PURCHASE_APPROVAL_REQUESTED";
    public const string ApprovalCanceled = "PURCHASE_APPROVAL_CANCELED";
    public const string DocumentReleased = "PURCHASE_DOCUMENT_RELEASED";

    public static EventDefinition ApprovalRequestedDefinition { get; } =
        new(ApprovalRequested, "When approval of a purchase document is requested") { Category = PurchasingCategory.Code };

    public static EventDefinition ApprovalCanceledDefinition { get; } =
        new(ApprovalCanceled, "When an approval request for a purchase document is canceled") { Category = PurchasingCategory.Code };

    public static EventDefinition DocumentReleasedDefinition { get; } =
        new(DocumentReleased, "When a purchase document is released") { Category = PurchasingCategory.Code };
}
