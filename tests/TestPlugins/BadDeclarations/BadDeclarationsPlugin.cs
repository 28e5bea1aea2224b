using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Plugins;
using WorkflowRules.Sdk.Responses;
using WorkflowRules.Sdk.Templates;

namespace TestPlugins.BadDeclarations;

/// <summary>Breaks several rules at once: the host reports them all.</summary>
public sealed class BadDeclarationsPlugin : IWorkflowPlugin
{
    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddEvent<Thing>(new EventDefinition("thing_created", "When a thing is created"))
            .AddEvent<Thing>(new EventDefinition("THING_CHANGED", "When a thing is changed"))
            .AddResponse<NoteResponse, NoteOptions>(new ResponseDefinition("NOTE_THING", ""))
            .AllowResponseAfter("THING_CHANGED", "NO_SUCH_RESPONSE")
            .AddTemplate(new WorkflowTemplate("THING-NOTE", "Note things", "THING_CHANGED")
            {
                Responses = [new("NOTE_THING", """{ "unknownOption": 1 }""")],
            });
    }
}
