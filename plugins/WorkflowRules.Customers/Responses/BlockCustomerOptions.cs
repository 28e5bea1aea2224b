using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Customers.Responses;

/// <summary>Options of <see cref="BlockCustomerResponse"/>.</summary>
public sealed class BlockCustomerOptions
{
    [Required]
    [StringLength(250)]
    [Description("Why the customer is blocked; shown in the instance's history.")]
    public string? Reason { get; set; }
}
