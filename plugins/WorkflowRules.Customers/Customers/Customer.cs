using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Customers.Customers;

/// <summary>A customer master record; change events carry the previous version for change rules.</summary>
public sealed class Customer
{
    [Required]
    public required string No { get; init; }

    public string Name { get; init; } = "";

    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal CreditLimit { get; init; }

    public bool Blocked { get; init; }
}
