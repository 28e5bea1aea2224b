using WorkflowRules.Customers.Customers;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Customers.Responses;

/// <summary>
/// REVERT_CUSTOMER_CREDIT_LIMIT: puts the credit limit back to its value before the change (the
/// event's previous record), the "revert value" half of a change-approval workflow.
/// </summary>
public sealed class RevertCreditLimitResponse : IWorkflowResponse<RevertCreditLimitOptions>
{
    public const string FunctionName = "REVERT_CUSTOMER_CREDIT_LIMIT";

    public static ResponseDefinition Definition { get; } =
        new(FunctionName, "Then revert the customer's credit limit to its previous value") { Category = SalesCategory.Code };

    public Task<ResponseResult> ExecuteAsync(ResponseContext<RevertCreditLimitOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var customer = context.GetRecord<Customer>();
        if (context.PreviousRecord is not Customer previous)
        {
            throw new InvalidOperationException(
                $"{FunctionName} needs the customer's previous version: use it after an event that carries one, such as CUSTOMER_CHANGED.");
        }

        return Task.FromResult(customer.CreditLimit == previous.CreditLimit
            ? ResponseResult.Completed($"Credit limit of {customer.No} is unchanged")
            : ResponseResult.RecordChanged(
                customer.WithCreditLimit(previous.CreditLimit),
                $"Credit limit of {customer.No} reverted from {customer.CreditLimit} to {previous.CreditLimit}"));
    }
}
