using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Purchasing.Approvals;

/// <summary>
/// One approver's part in the approval of a purchase document, as the application sends it when the approver acts.
/// It belongs to its document, so its events continue the document's running workflow.
/// </summary>
public sealed class PurchaseApprovalEntry
{
    /// <summary>The entry's number, the record's key (e.g. <c>AE-000123</c>).</summary>
    [Required]
    public required string EntryNo { get; init; }

    /// <summary>The number of the purchase document the entry approves (e.g. <c>PO-1001</c>).</summary>
    [Required]
    public required string DocumentNo { get; init; }

    /// <summary>The user who approves or rejects the entry.</summary>
    [Required]
    public required string Approver { get; init; }

    /// <summary>Entries with the same number are approved in parallel; lower numbers come first.</summary>
    [Range(0, int.MaxValue)]
    public int SequenceNo { get; init; }
}
