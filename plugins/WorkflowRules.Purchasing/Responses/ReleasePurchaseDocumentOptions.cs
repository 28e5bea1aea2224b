namespace WorkflowRules.Purchasing.Responses;

/// <summary><see cref="ReleasePurchaseDocumentResponse"/> takes no options.</summary>
public sealed class ReleasePurchaseDocumentOptions;
