using WorkflowRules.Purchasing.Approvals;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Purchasing.Events;
using WorkflowRules.Purchasing.Responses;
using WorkflowRules.Purchasing.Templates;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Purchasing;

/// <summary>
/// Purchase document approvals: the PurchaseDocument record type and its approval entries, their approval and
/// release events, responses that set a document's status, release it and note on it, and three templates.
/// </summary>
public sealed class PurchasingPlugin : IWorkflowPlugin
{
    public const string RecordTypeName = "PurchaseDocument";
    public const string ApprovalEntryRecordTypeName = "PurchaseApprovalEntry";

    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddRecordType<PurchaseDocument>(RecordTypeName, document => document.No, "A purchase order, invoice, credit memo or quote")
            .AddRecordType<PurchaseApprovalEntry>(
                ApprovalEntryRecordTypeName, entry => entry.EntryNo, "One approver's approval entry for a purchase document")
            // An approver acting on an entry moves the workflow of the entry's document on.
            .AddRecordRelation<PurchaseApprovalEntry>(RecordTypeName, entry => entry.DocumentNo)
            .AddEvent<PurchaseDocument>(PurchasingEvents.ApprovalRequestedDefinition)
            .AddEvent<PurchaseDocument>(PurchasingEvents.ApprovalCanceledDefinition)
            .AddEvent<PurchaseDocument>(PurchasingEvents.DocumentReleasedDefinition)
            .AddEvent<PurchaseApprovalEntry>(PurchasingEvents.ApprovalEntryApprovedDefinition)
            .AddEvent<PurchaseApprovalEntry>(PurchasingEvents.ApprovalEntryRejectedDefinition)
            .AddResponse<SetPurchaseStatusResponse, SetPurchaseStatusOptions>(SetPurchaseStatusResponse.Definition)
            .AddResponse<ReleasePurchaseDocumentResponse, ReleasePurchaseDocumentOptions>(ReleasePurchaseDocumentResponse.Definition)
            .AddResponse<NotePurchaseDocumentResponse, NotePurchaseDocumentOptions>(NotePurchaseDocumentResponse.Definition)
            // Once approval is requested, approvers approve or reject, or the request is canceled or the document released.
            .AllowEventAfter(PurchasingEvents.ApprovalRequested, PurchasingEvents.ApprovalEntryApproved)
            .AllowEventAfter(PurchasingEvents.ApprovalRequested, PurchasingEvents.ApprovalEntryRejected)
            .AllowEventAfter(PurchasingEvents.ApprovalRequested, PurchasingEvents.ApprovalCanceled)
            .AllowEventAfter(PurchasingEvents.ApprovalRequested, PurchasingEvents.DocumentReleased)
            .AddTemplate(PurchasingTemplates.ReleaseOver1000)
            .AddTemplate(PurchasingTemplates.AutoReleaseUpTo1000)
            .AddTemplate(PurchasingTemplates.ApprovalLoop);
    }
}
