using WorkflowRules.Customers.Customers;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Customers.Responses;

/// <summary>
/// APPLY_CUSTOMER_CREDIT_LIMIT: the "apply new values" half of a change approval. It sets the credit limit the change
/// asked for (the original record, as the triggering event carried it) once REVERT_CUSTOMER_CREDIT_LIMIT held it back —
/// but only while the limit is still the reverted one: if someone changed it meanwhile, their value stands.
/// </summary>
public sealed class ApplyCreditLimitResponse : IWorkflowResponse<ApplyCreditLimitOptions>
{
    public const string FunctionName = "APPLY_CUSTOMER_CREDIT_LIMIT";

    public static ResponseDefinition Definition { get; } =
        new(FunctionName, "Then apply the new credit limit that was held back") { Category = SalesCategory.Code };

    public Task<ResponseResult> ExecuteAsync(ResponseContext<ApplyCreditLimitOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var customer = context.GetRecord<Customer>();
        if (context.PreviousRecord is not Customer previous || context.OriginalRecord is not Customer requested)
        {
            throw new InvalidOperationException(
                $"{FunctionName} needs the customer as the change left it and its previous version: use it in a workflow started by an event "
                + "that carries the previous record, such as CUSTOMER_CHANGED, after REVERT_CUSTOMER_CREDIT_LIMIT.");
        }

        if (customer.CreditLimit == requested.CreditLimit)
        {
            // Also what a retried step sees once the new limit is in place.
            return Task.FromResult(ResponseResult.Completed($"Credit limit of {customer.No} is already {requested.CreditLimit}"));
        }

        if (customer.CreditLimit != previous.CreditLimit)
        {
            return Task.FromResult(ResponseResult.Completed(
                $"Skipped: the credit limit of {customer.No} was changed to {customer.CreditLimit} since it was held back, "
                + $"so {requested.CreditLimit} was not applied"));
        }

        return Task.FromResult(ResponseResult.RecordChanged(
            customer.WithCreditLimit(requested.CreditLimit),
            $"Credit limit of {customer.No} raised from {customer.CreditLimit} to {requested.CreditLimit} as approved"));
    }
}
