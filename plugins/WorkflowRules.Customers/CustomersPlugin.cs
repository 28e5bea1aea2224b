using WorkflowRules.Customers.Customers;
using WorkflowRules.Customers.Events;
using WorkflowRules.Customers.Responses;
using WorkflowRules.Customers.Templates;
using WorkflowRules.Sdk.Plugins;

namespace WorkflowRules.Customers;

/// <summary>Customer change rules: the Customer record type, its change event, responses that block a customer or revert its credit limit.</summary>
public sealed class CustomersPlugin : IWorkflowPlugin
{
    public const string RecordTypeName = "Customer";

    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddRecordType<Customer>(RecordTypeName, customer => customer.No, "A customer master record")
            .AddEvent<Customer>(CustomerEvents.ChangedDefinition)
            .AddResponse<BlockCustomerResponse, BlockCustomerOptions>(BlockCustomerResponse.Definition)
            .AddResponse<RevertCreditLimitResponse, RevertCreditLimitOptions>(RevertCreditLimitResponse.Definition)
            // Reverting needs the previous version, which only CUSTOMER_CHANGED carries.
            .AllowResponseAfter(CustomerEvents.Changed, RevertCreditLimitResponse.FunctionName)
            .AddTemplate(CustomerTemplates.CreditLimitRaise);
    }
}
