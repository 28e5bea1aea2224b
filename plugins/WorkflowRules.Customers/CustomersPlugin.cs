using WorkflowRules.Customers.Customers;
using WorkflowRules.Customers.Events;
using WorkflowRules.Customers.Responses;
using WorkflowRules.Customers.Templates;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Customers;

/// <summary>
/// Customer change rules: the Customer record type, its change and change-approval events, responses that block a
/// customer or hold back a credit limit change and apply it once approved, and two templates.
/// </summary>
public sealed class CustomersPlugin : IWorkflowPlugin
{
    public const string RecordTypeName = "Customer";

    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddRecordType<Customer>(RecordTypeName, customer => customer.No, "A customer master record")
            .AddEvent<Customer>(CustomerEvents.ChangedDefinition)
            .AddEvent<Customer>(CustomerEvents.ChangeApprovedDefinition)
            .AddEvent<Customer>(CustomerEvents.ChangeRejectedDefinition)
            .AddResponse<BlockCustomerResponse, BlockCustomerOptions>(BlockCustomerResponse.Definition)
            .AddResponse<RevertCreditLimitResponse, RevertCreditLimitOptions>(RevertCreditLimitResponse.Definition)
            .AddResponse<ApplyCreditLimitResponse, ApplyCreditLimitOptions>(ApplyCreditLimitResponse.Definition)
            // Reverting needs the previous version, which only CUSTOMER_CHANGED carries; applying comes once the change is approved.
            .AllowResponseAfter(CustomerEvents.Changed, RevertCreditLimitResponse.FunctionName)
            .AllowResponseAfter(CustomerEvents.ChangeApproved, ApplyCreditLimitResponse.FunctionName)
            .AllowEventAfter(CustomerEvents.Changed, CustomerEvents.ChangeApproved)
            .AllowEventAfter(CustomerEvents.Changed, CustomerEvents.ChangeRejected)
            // A change that is held back must be applied again once approved, or it is lost.
            .RequireResponsePair(RevertCreditLimitResponse.FunctionName, ApplyCreditLimitResponse.FunctionName)
            .AddTemplate(CustomerTemplates.CreditLimitRaise)
            .AddTemplate(CustomerTemplates.CreditLimitApproval);
    }
}
