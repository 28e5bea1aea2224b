using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Purchasing.Responses;

/// <summary>Options of <see cref="NotePurchaseDocumentResponse"/>.</summary>
public sealed class NotePurchaseDocumentOptions
{
    [Required]
    [StringLength(500)]
    [Description("The note to record, e.g. \"Released automatically: amount within limit\".")]
    public string? Text { get; set; }
}
