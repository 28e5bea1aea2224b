using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Purchasing.Events;
using WorkflowRules.Purchasing.Responses;
using WorkflowRules.Purchasing.Templates;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Purchasing;

/// <summary>
/// Purchase document approvals: the PurchaseDocument record type, its approval and release events,
/// responses that set its status, release it and note on it, and two templates.
/// </summary>
public sealed class PurchasingPlugin : IWorkflowPlugin
{
    public const string RecordTypeName = "PurchaseDocument";

    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddRecordType<PurchaseDocument>(RecordTypeName, document => document.No, "A purchase order, invoice, credit memo or quote")
            .AddEvent<PurchaseDocument>(PurchasingEvents.ApprovalRequestedDefinition)
            .AddEvent<PurchaseDocument>(PurchasingEvents.ApprovalCanceledDefinition)
            .AddEvent<PurchaseDocument>(PurchasingEvents.DocumentReleasedDefinition)
            .AddResponse<SetPurchaseStatusResponse, SetPurchaseStatusOptions>(SetPurchaseStatusResponse.Definition)
            .AddResponse<ReleasePurchaseDocumentResponse, ReleasePurchaseDocumentOptions>(ReleasePurchaseDocumentResponse.Definition)
            .AddResponse<NotePurchaseDocumentResponse, NotePurchaseDocumentOptions>(NotePurchaseDocumentResponse.Definition)
            // Once approval is requested, the request may be canceled or the document released.
            .AllowEventAfter(PurchasingEvents.ApprovalRequested, PurchasingEvents.ApprovalCanceled)
            .AllowEventAfter(PurchasingEvents.ApprovalRequested, PurchasingEvents.DocumentReleased)
            .AddTemplate(PurchasingTemplates.ReleaseOver1000)
            .AddTemplate(PurchasingTemplates.AutoReleaseUpTo1000);
    }
}
