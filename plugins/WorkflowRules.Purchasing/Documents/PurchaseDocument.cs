using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Purchasing.Documents;

/// <summary>A purchase order, invoice or quote as the application sends it with an event.</summary>
public sealed class PurchaseDocument
{
    /// <summary>The document number, the record's key (e.g. <c>PO-1001</c>).</summary>
    [Required]
    public required string No { get; init; }

    /// <summary>Order, Invoice, CreditMemo or Quote.</summary>
    public string DocumentType { get; init; } = "Order";

    [Required]
    public required string VendorNo { get; init; }

    /// <summary>Total excluding tax, in <see cref="CurrencyCode"/>.</summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal Amount { get; init; }

    /// <summary>ISO currency code; empty means the local currency.</summary>
    public string CurrencyCode { get; init; } = "";

    /// <summary>The purchaser code of the document's owner.</summary>
    public string? PurchaserCode { get; init; }

    /// <summary>Open, PendingApproval, Released.</summary>
    public string Status { get; init; } = PurchaseDocumentStatus.Open;

    public IReadOnlyList<PurchaseLine> Lines { get; init; } = [];

    /// <summary>A copy of the document with another status; records are immutable.</summary>
    public PurchaseDocument WithStatus(string status) => new()
    {
        No = No,
        DocumentType = DocumentType,
        VendorNo = VendorNo,
        Amount = Amount,
        CurrencyCode = CurrencyCode,
        PurchaserCode = PurchaserCode,
        Status = status,
        Lines = Lines,
    };
}
