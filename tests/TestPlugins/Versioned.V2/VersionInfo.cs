using WorkflowRules.Sdk.Plugins;
using WorkflowRules.Sdk.Responses;

namespace TestPlugins.Versioned;

/// <summary>What differs in version 2: its text, and one more response.</summary>
internal static class VersionInfo
{
    public const string Text = "v2";

    public static void AddExtras(IWorkflowPluginBuilder builder) =>
        builder.AddResponse<WidgetResetResponse, StampOptions>(new ResponseDefinition("WIDGET_RESET", "Then reset the widget's label"));
}
