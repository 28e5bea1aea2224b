using WorkflowRules.Sdk.Responses;

namespace TestPlugins.Flaky;

/// <summary>A slow response: runs until the marker file is gone (or the host shuts down).</summary>
public sealed class WaitWhileMarkerExistsResponse : IWorkflowResponse<FailWhileMarkerExistsOptions>
{
    public async Task<ResponseResult> ExecuteAsync(ResponseContext<FailWhileMarkerExistsOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        while (File.Exists(context.Options.MarkerFile))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return ResponseResult.Completed("The marker file is gone.");
    }
}
