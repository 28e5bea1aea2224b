using WorkflowRules.Customers.Customers;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Customers.Responses;

/// <summary>BLOCK_CUSTOMER: blocks the customer so no new documents can be made for it. Blocking a blocked customer changes nothing.</summary>
public sealed class BlockCustomerResponse : IWorkflowResponse<BlockCustomerOptions>
{
    public const string FunctionName = "BLOCK_CUSTOMER";

    public static ResponseDefinition Definition { get; } =
        new(FunctionName, "Then block the customer") { Category = SalesCategory.Code };

    public Task<ResponseResult> ExecuteAsync(ResponseContext<BlockCustomerOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var customer = context.GetRecord<Customer>();
        return Task.FromResult(customer.Blocked
            ? ResponseResult.Completed($"Customer {customer.No} is already blocked")
            : ResponseResult.RecordChanged(customer.WithBlocked(true), $"Customer {customer.No} blocked: {context.Options.Reason}"));
    }
}
