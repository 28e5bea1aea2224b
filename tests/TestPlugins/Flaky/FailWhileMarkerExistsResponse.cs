using WorkflowRules.Sdk.Responses;

namespace TestPlugins.Flaky;

public sealed class FailWhileMarkerExistsResponse : IWorkflowResponse<FailWhileMarkerExistsOptions>
{
    public Task<ResponseResult> ExecuteAsync(ResponseContext<FailWhileMarkerExistsOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return File.Exists(context.Options.MarkerFile)
            ? throw new InvalidOperationException($"The marker file {context.Options.MarkerFile} exists.")
            : Task.FromResult(ResponseResult.Completed("The marker file is gone."));
    }
}
