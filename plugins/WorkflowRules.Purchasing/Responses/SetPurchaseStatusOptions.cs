using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Purchasing.Responses;

/// <summary>Options of <see cref="SetPurchaseStatusResponse"/>.</summary>
public sealed class SetPurchaseStatusOptions
{
    [Required]
    [AllowedValues(PurchaseDocumentStatus.Open, PurchaseDocumentStatus.PendingApproval, PurchaseDocumentStatus.Released)]
    [Description("The status to set: Open, PendingApproval or Released.")]
    public string? Status { get; set; }
}
