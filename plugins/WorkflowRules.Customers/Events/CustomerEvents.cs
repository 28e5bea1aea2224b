using WorkflowRules.Sdk.Events;

namespace WorkflowRules.Customers.Events;

/// <summary>The events the sales application raises on customer records.</summary>
public static class CustomerEvents
{
    public const string Changed = "CUSTOMER_CHANGED";

    /// <summary>Carries the customer before the change, so change rules can compare (e.g. the credit limit went up).</summary>
    public static EventDefinition ChangedDefinition { get; } =
        new(Changed, "When a customer record is changed") { CarriesPreviousRecord = true, Category = SalesCategory.Code };
}
