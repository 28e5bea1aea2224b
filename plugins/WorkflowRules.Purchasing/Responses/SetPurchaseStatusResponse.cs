using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Purchasing.Responses;

/// <summary>
/// SET_PURCHASE_STATUS: sets the document's status. Setting the status it already has changes nothing,
/// so a retried step is harmless.
/// </summary>
public sealed class SetPurchaseStatusResponse : IWorkflowResponse<SetPurchaseStatusOptions>
{
    public const string FunctionName = "SET_PURCHASE_STATUS";

    public static ResponseDefinition Definition { get; } =
        new(FunctionName, "Then set the status of the purchase document") { Category = PurchasingCategory.Code };

    public Task<ResponseResult> ExecuteAsync(ResponseContext<SetPurchaseStatusOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = context.GetRecord<PurchaseDocument>();
        var status = context.Options.Status!;
        return Task.FromResult(document.Status == status
            ? ResponseResult.Completed($"{document.No} is already {status}")
            : ResponseResult.RecordChanged(document.WithStatus(status), $"{document.No}: status set to {status}"));
    }
}
