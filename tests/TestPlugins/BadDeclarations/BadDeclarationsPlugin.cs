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

        // What the step-tree templates stand on: a declared record type and its events.
        builder
            .AddRecordType<Gizmo>("Gizmo", gizmo => gizmo.No, "A gizmo (test record)")
            .AddEvent<Gizmo>(new EventDefinition("GIZMO_CREATED", "When a gizmo is created"))
            .AddEvent<Gizmo>(new EventDefinition("GIZMO_CHANGED", "When a gizmo is changed") { CarriesPreviousRecord = true });

        builder
            .AddCategory("things", "Things")
            .AddCategory("PURCH", "Our own purchasing")
            .AddCategory("GIZMOS", "Gizmos")
            .AddCategory("GIZMOS", "Gizmos again")
            .AddCategory("TOOLS", " ")
            .AddRecordRelation<Thing>("Gizmo", thing => thing.No)
            .AddRecordRelation<Gizmo>(" ", gizmo => gizmo.No)
            .RequireResponsePair("NO_SUCH_RESPONSE", "NOTE_THING")
            .RequireResponsePair("NOTE_THING", "");

        builder
            .AddTemplate(BadTemplates.TangledTree)
            .AddTemplate(BadTemplates.TwoRoots)
            .AddTemplate(BadTemplates.NoRoot)
            .AddTemplate(BadTemplates.WrongRoot)
            .AddTemplate(BadTemplates.BadSubWorkflow);
    }
}
