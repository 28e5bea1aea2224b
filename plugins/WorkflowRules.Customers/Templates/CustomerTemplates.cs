using WorkflowRules.Customers.Events;
using WorkflowRules.Customers.Responses;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Customers.Templates;

/// <summary>The customer templates.</summary>
public static class CustomerTemplates
{
    public static WorkflowTemplate CreditLimitRaise { get; } =
        new("SALES-CREDIT-RAISE", "Revert credit limit raises above 50,000 and block the customer until someone reviews it", CustomerEvents.Changed)
        {
            Category = SalesCategory.Code,
            Condition = "Record.CreditLimit > 50000m && Previous != null && Record.CreditLimit > Previous.CreditLimit",
            Responses =
            [
                new(RevertCreditLimitResponse.FunctionName),
                new(BlockCustomerResponse.FunctionName, """{ "reason": "Credit limit raised above 50,000: review it before trading." }"""),
            ],
        };
}
