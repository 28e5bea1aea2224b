namespace WorkflowRules.Sdk.Responses;

/// <summary>
/// The code behind a response. The host runs it at least once per step (a crash or a retry
/// may run it again), so it must be idempotent: <see cref="ResponseContext{TOptions}.IdempotencyKey"/>
/// is stable across attempts of the same step.
/// </summary>
/// <typeparam name="TOptions">The response's typed options.</typeparam>
public interface IWorkflowResponse<TOptions>
    where TOptions : class
{
    /// <summary>Runs the response. Throwing marks the step failed with the exception's message.</summary>
    Task<ResponseResult> ExecuteAsync(ResponseContext<TOptions> context, CancellationToken cancellationToken);
}
