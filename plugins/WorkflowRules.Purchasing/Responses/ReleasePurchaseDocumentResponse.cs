using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Purchasing.Events;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Purchasing.Responses;

/// <summary>
/// RELEASE_PURCHASE_DOCUMENT: sets the document's status to Released and raises
/// PURCHASE_DOCUMENT_RELEASED, so workflows can react to the release. A document that is already
/// released is left alone and raises nothing.
/// </summary>
public sealed class ReleasePurchaseDocumentResponse : IWorkflowResponse<ReleasePurchaseDocumentOptions>
{
    public const string FunctionName = "RELEASE_PURCHASE_DOCUMENT";

    public static ResponseDefinition Definition { get; } =
        new(FunctionName, "Then release the purchase document") { Category = PurchasingCategory.Code };

    public Task<ResponseResult> ExecuteAsync(ResponseContext<ReleasePurchaseDocumentOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = context.GetRecord<PurchaseDocument>();
        if (document.Status == PurchaseDocumentStatus.Released)
        {
            return Task.FromResult(ResponseResult.Completed($"{document.No} is already released"));
        }

        var released = document.WithStatus(PurchaseDocumentStatus.Released);
        context.Events.Raise(PurchasingEvents.DocumentReleased, released);
        return Task.FromResult(ResponseResult.RecordChanged(released, $"{document.No} released"));
    }
}
