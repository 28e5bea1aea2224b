using WorkflowRules.Purchasing.Events;
using WorkflowRules.Purchasing.Responses;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Purchasing.Templates;

/// <summary>
/// The purchasing templates. The entry conditions of the two simple ones do not overlap (over 1,000 / up to 1,000),
/// so both can be enabled together on the same event; the approval loop is the over-1,000 alternative with approvers.
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

    /// <summary>
    /// BC's standard approval shape as a step tree: note and mark the document pending, then wait for its approval
    /// entries. An approval with more pending goes back to the note (the "send" step) and waits again; the last one
    /// releases the document; a rejection reopens it.
    /// </summary>
    public static WorkflowTemplate ApprovalLoop { get; } =
        new("PURCH-APPROVAL-LOOP", "Have purchase documents over 1,000 approved entry by entry, then release them", PurchasingEvents.ApprovalRequested)
        {
            Category = PurchasingCategory.Code,
            Steps =
            [
                new("1", TemplateStepType.Event, PurchasingEvents.ApprovalRequested) { Condition = "Record.Amount > 1000" },
                new("2", TemplateStepType.Response, NotePurchaseDocumentResponse.FunctionName)
                {
                    ParentId = "1",
                    OptionsJson = """{ "text": "Approval requested" }""",
                },
                new("3", TemplateStepType.Response, SetPurchaseStatusResponse.FunctionName)
                {
                    ParentId = "2",
                    OptionsJson = """{ "status": "PendingApproval" }""",
                },
                new("4", TemplateStepType.Event, PurchasingEvents.ApprovalEntryApproved)
                {
                    ParentId = "3",
                    Sequence = 1,
                    Condition = "Approvals.Pending > 0",
                    NextStepId = "2",
                },
                new("5", TemplateStepType.Event, PurchasingEvents.ApprovalEntryApproved)
                {
                    ParentId = "3",
                    Sequence = 2,
                    Condition = "Approvals.Pending == 0",
                },
                new("6", TemplateStepType.Response, ReleasePurchaseDocumentResponse.FunctionName) { ParentId = "5" },
                new("7", TemplateStepType.Event, PurchasingEvents.ApprovalEntryRejected) { ParentId = "3", Sequence = 3 },
                new("8", TemplateStepType.Response, SetPurchaseStatusResponse.FunctionName)
                {
                    ParentId = "7",
                    OptionsJson = """{ "status": "Open" }""",
                },
            ],
        };
}
