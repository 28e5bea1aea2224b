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

    /// <summary>A copy of the customer, blocked or not; records are immutable.</summary>
    public Customer WithBlocked(bool blocked) => new() { No = No, Name = Name, CreditLimit = CreditLimit, Blocked = blocked };

    /// <summary>A copy of the customer with another credit limit.</summary>
    public Customer WithCreditLimit(decimal creditLimit) => new() { No = No, Name = Name, CreditLimit = creditLimit, Blocked = Blocked };
}
