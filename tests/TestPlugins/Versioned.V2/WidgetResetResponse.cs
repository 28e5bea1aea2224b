using WorkflowRules.Sdk.Responses;

namespace TestPlugins.Versioned;

/// <summary>Only in version 2.</summary>
public sealed class WidgetResetResponse : IWorkflowResponse<StampOptions>
{
    public Task<ResponseResult> ExecuteAsync(ResponseContext<StampOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ResponseResult.RecordChanged(context.GetRecord<Widget>().WithLabel(null)));
    }
}
