using WorkflowRules.Customers.Customers;
using WorkflowRules.Customers.Events;
using WorkflowRules.Customers.Responses;
using WorkflowRules.Sdk.Conditions;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Customers.Templates;

/// <summary>The customer templates.</summary>
public static class CustomerTemplates
{
    public static WorkflowTemplate CreditLimitRaise { get; } =
        new("SALES-CREDIT-RAISE", "Block a customer whose credit limit is raised above 50,000 until someone reviews it", CustomerEvents.Changed)
        {
            Category = SalesCategory.Code,
            Condition = "Record.CreditLimit > 50000m && Previous != null && Record.CreditLimit > Previous.CreditLimit",
            // Reverting the raise would need an approval to apply it again: CUST-CREDIT-APPROVAL does that.
            Responses =
            [
                new(BlockCustomerResponse.FunctionName, """{ "reason": "Credit limit raised above 50,000: review it before trading." }"""),
            ],
        };

    /// <summary>
    /// BC's record-change approval: an increased credit limit is held back (reverted) until someone approves the
    /// change, then applied. A rejection needs no response: the reverted limit simply stands.
    /// </summary>
    public static WorkflowTemplate CreditLimitApproval { get; } =
        new("CUST-CREDIT-APPROVAL", "Hold back credit limit increases until someone approves them, then apply them", CustomerEvents.Changed)
        {
            Category = SalesCategory.Code,
            Steps =
            [
                new("1", TemplateStepType.Event, CustomerEvents.Changed)
                {
                    ChangeRules = [new FieldChangeRule(nameof(Customer.CreditLimit), FieldChange.Increased)],
                },
                new("2", TemplateStepType.Response, RevertCreditLimitResponse.FunctionName) { ParentId = "1" },
                new("3", TemplateStepType.Event, CustomerEvents.ChangeApproved) { ParentId = "2", Sequence = 1 },
                new("4", TemplateStepType.Response, ApplyCreditLimitResponse.FunctionName) { ParentId = "3" },
                new("5", TemplateStepType.Event, CustomerEvents.ChangeRejected) { ParentId = "2", Sequence = 2 },
            ],
        };
}
