using WorkflowRules.Purchasing.Events;
using WorkflowRules.Purchasing.Responses;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Purchasing.Templates;

/// <summary>
/// The purchasing templates. Their entry conditions do not overlap (over 1,000 / up to 1,000), so both
/// can be enabled together on the same event.
/// </summary>
public static class PurchasingTemplates
{
    public static WorkflowTemplate ReleaseOver1000 { get; } =
        new("PURCH-OVER-1000", "Mark purchase documents over 1,000 as pending approval, then release them", PurchasingEvents.ApprovalRequested)
        {
            Category = PurchasingCategory.Code,
            Condition = "Record.Amount > 1000m",
            Responses =
            [
                new(SetPurchaseStatusResponse.FunctionName, """{ "status": "PendingApproval" }"""),
                new(ReleasePurchaseDocumentResponse.FunctionName),
            ],
        };

    public static WorkflowTemplate AutoReleaseUpTo1000 { get; } =
        new("PURCH-AUTO-RELEASE", "Release purchase documents of up to 1,000 at once, with a note", PurchasingEvents.ApprovalRequested)
        {
            Category = PurchasingCategory.Code,
            Condition = "Record.Amount <= 1000m",
            Responses =
            [
                new(NotePurchaseDocumentResponse.FunctionName, """{ "text": "Released automatically: amount within the 1,000 limit." }"""),
                new(ReleasePurchaseDocumentResponse.FunctionName),
            ],
        };
}
