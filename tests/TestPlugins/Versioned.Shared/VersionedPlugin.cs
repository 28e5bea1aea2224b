using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Plugins;
using WorkflowRules.Sdk.Responses;
using WorkflowRules.Sdk.Templates;

namespace TestPlugins.Versioned;

/// <summary>The test plugin built in two versions (Versioned.V1, Versioned.V2).</summary>
public sealed class VersionedPlugin : IWorkflowPlugin
{
    public const string Created = "WIDGET_CREATED";
    public const string Stamped = "WIDGET_STAMPED";
    public const string Stamp = "WIDGET_STAMP";

    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IStampFormatter, StampFormatter>();
        builder
            .AddCategory("TEST", "Test widgets")
            .AddRecordType<Widget>("Widget", widget => widget.No, "A widget (test record)")
            .AddEvent<Widget>(new EventDefinition(Created, "When a widget is created") { Category = "TEST" })
            .AddEvent<Widget>(new EventDefinition(Stamped, "When a widget is stamped") { CarriesPreviousRecord = true, Category = "TEST" })
            .AddResponse<WidgetStampResponse, StampOptions>(new ResponseDefinition(Stamp, "Then stamp the widget's label") { Category = "TEST" })
            .AllowResponseAfter(Created, Stamp)
            .AllowEventAfter(Created, Stamped)
            .AddTemplate(new WorkflowTemplate("WIDGET-STAMP", $"Stamp new widgets ({VersionInfo.Text})", Created)
            {
                Category = "TEST",
                Condition = "Record.Quantity > 0",
                Responses = [new(Stamp, $$"""{ "stamp": "{{VersionInfo.Text}}", "repeat": 2 }""")],
            });
        VersionInfo.AddExtras(builder);
    }
}
