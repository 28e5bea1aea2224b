using Microsoft.Extensions.Logging;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Purchasing.Responses;

/// <summary>
/// NOTE_PURCHASE_DOCUMENT: records a note on the step (its message is kept in the instance's history)
/// and in the log. It changes nothing, so running it twice is harmless.
/// </summary>
public sealed partial class NotePurchaseDocumentResponse(ILogger<NotePurchaseDocumentResponse> logger)
    : IWorkflowResponse<NotePurchaseDocumentOptions>
{
    public const string FunctionName = "NOTE_PURCHASE_DOCUMENT";

    public static ResponseDefinition Definition { get; } =
        new(FunctionName, "Then add a note to the purchase document's workflow history") { Category = PurchasingCategory.Code };

    public Task<ResponseResult> ExecuteAsync(ResponseContext<NotePurchaseDocumentOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = context.GetRecord<PurchaseDocument>();
        var text = context.Options.Text!;
        LogNote(logger, document.No, context.Step.WorkflowCode, text);
        return Task.FromResult(ResponseResult.Completed($"Note on {document.No}: {text}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Note on purchase document {DocumentNo} (workflow {WorkflowCode}): {Text}")]
    private static partial void LogNote(ILogger logger, string documentNo, string workflowCode, string text);
}
