using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Tests.Support;

/// <summary>Real plugin records and events for tests to arrange their data with.</summary>
public static class Records
{
    public static ConditionEvent Event(string name = "PurchaseDocumentSentForApproval") =>
        new(name, "alice", new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    /// <summary>An approval event carrying the record's approval state (the Approvals variable).</summary>
    public static ConditionEvent Event(ApprovalState approvals) => Event("PurchaseDocumentApproved") with { Approvals = approvals };

    /// <summary>Lines as an array, as a deserializer's list would be: LINQ reads it without an enumerator allocation.</summary>
    public static PurchaseDocument Purchase(decimal amount, string vendorNo = "V1000", params PurchaseLine[] lines) => new()
    {
        No = "PO-1001",
        VendorNo = vendorNo,
        Amount = amount,
        Lines = lines,
    };

    public static PurchaseLine Line(string type, decimal quantity, decimal unitCost = 10m) =>
        new() { Type = type, No = type == "Item" ? "1000" : "6100", Quantity = quantity, UnitCost = unitCost };

    public static Customer Customer(decimal creditLimit, string no = "C-10000") =>
        new() { No = no, Name = "Adatum", CreditLimit = creditLimit };
}
