using WorkflowRules.Sdk.Events;

namespace WorkflowRules.Purchasing.Events;

/// <summary>The events the purchasing application raises (or a response raises) on a purchase document and its approval entries.</summary>
public static class PurchasingEvents
{
    public const string ApprovalRequested = "PURCHASE_APPROVAL_REQUESTED";
    public const string ApprovalCanceled = "PURCHASE_APPROVAL_CANCELED";
    public const string DocumentReleased = "PURCHASE_DOCUMENT_RELEASED";
    public const string ApprovalEntryApproved = "PURCHASE_APPROVAL_ENTRY_APPROVED";
    public const string ApprovalEntryRejected = "PURCHASE_APPROVAL_ENTRY_REJECTED";

    public static EventDefinition ApprovalRequestedDefinition { get; } =
        new(ApprovalRequested, "When approval of a purchase document is requested") { Category = PurchasingCategory.Code };

    public static EventDefinition ApprovalCanceledDefinition { get; } =
        new(ApprovalCanceled, "When an approval request for a purchase document is canceled") { Category = PurchasingCategory.Code };

    public static EventDefinition DocumentReleasedDefinition { get; } =
        new(DocumentReleased, "When a purchase document is released") { Category = PurchasingCategory.Code };

    /// <summary>Carries the approval entry; it continues the workflow of the document the entry belongs to.</summary>
    public static EventDefinition ApprovalEntryApprovedDefinition { get; } =
        new(ApprovalEntryApproved, "When an approver approves a purchase approval entry") { Category = PurchasingCategory.Code };

    /// <summary>Carries the approval entry; it continues the workflow of the document the entry belongs to.</summary>
    public static EventDefinition ApprovalEntryRejectedDefinition { get; } =
        new(ApprovalEntryRejected, "When an approver rejects a purchase approval entry") { Category = PurchasingCategory.Code };
}
