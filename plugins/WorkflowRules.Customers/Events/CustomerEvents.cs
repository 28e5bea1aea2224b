using WorkflowRules.Sdk.Events;

namespace WorkflowRules.Customers.Events;

/// <summary>The events the sales application raises on customer records.</summary>
public static class CustomerEvents
{
    public const string Changed = "CUSTOMER_CHANGED";
    public const string ChangeApproved = "CUSTOMER_CHANGE_APPROVED";
    public const string ChangeRejected = "CUSTOMER_CHANGE_REJECTED";

    /// <summary>Carries the customer before the change, so change rules can compare (e.g. the credit limit went up).</summary>
    public static EventDefinition ChangedDefinition { get; } =
        new(Changed, "When a customer record is changed") { CarriesPreviousRecord = true, Category = SalesCategory.Code };

    /// <summary>Someone approved a change that a workflow held back.</summary>
    public static EventDefinition ChangeApprovedDefinition { get; } =
        new(ChangeApproved, "When a change to a customer record is approved") { Category = SalesCategory.Code };

    /// <summary>Someone rejected a change that a workflow held back.</summary>
    public static EventDefinition ChangeRejectedDefinition { get; } =
        new(ChangeRejected, "When a change to a customer record is rejected") { Category = SalesCategory.Code };
}
