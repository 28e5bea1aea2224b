using Microsoft.Extensions.Logging;
using WorkflowRules.Sdk.Responses;

namespace TestPlugins.Versioned;

/// <summary>Stamps the widget's label (a changed record), raises WIDGET_STAMPED, and uses injected host and plugin services.</summary>
public sealed class WidgetStampResponse(IStampFormatter formatter, ILogger<WidgetStampResponse> logger, TimeProvider timeProvider)
    : IWorkflowResponse<StampOptions>
{
    public Task<ResponseResult> ExecuteAsync(ResponseContext<StampOptions> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var widget = context.GetRecord<Widget>();
        var label = formatter.Format(context.Options.Stamp!, context.Options.Repeat);
        logger.LogInformation("Stamping {WidgetNo} at {Now}", widget.No, timeProvider.GetUtcNow());
        var stamped = widget.WithLabel(label);
        context.Events.Raise(VersionedPlugin.Stamped, stamped, widget);
        return Task.FromResult(ResponseResult.RecordChanged(stamped, $"{label} ({context.ActingUser}, {context.IdempotencyKey})"));
    }
}
