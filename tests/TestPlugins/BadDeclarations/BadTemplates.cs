using WorkflowRules.Sdk.Conditions;
using WorkflowRules.Sdk.Templates;

namespace TestPlugins.BadDeclarations;

/// <summary>Step-tree templates that break the tree rules, each in several ways.</summary>
internal static class BadTemplates
{
    public static WorkflowTemplate TangledTree { get; } = new("GIZMO-TREE", "A tree with every kind of mistake", "GIZMO_CHANGED")
    {
        Condition = "true",
        Steps =
        [
            new("1", TemplateStepType.Event, "GIZMO_CHANGED")
            {
                Condition = "true",
                ConditionScript = "gizmo.csx",
                ChangeRules = [new FieldChangeRule("Colour", FieldChange.Changed), new FieldChangeRule("Name", FieldChange.Increased)],
            },
            new("2", TemplateStepType.Response, "NOTE_THING") { ParentId = "1", OptionsJson = "[1]" },
            new("2", TemplateStepType.Response, "NOTE_THING") { ParentId = "1", OptionsJson = """{ "text": "again" }""" },
            new("3", TemplateStepType.Event, "GIZMO_CREATED") { ParentId = "99" },
            new("4", TemplateStepType.Event, "GIZMO_CREATED") { ParentId = "2", NextStepId = "77" },
            new("5", TemplateStepType.Response, "NOTE_THING") { ParentId = "4", Condition = "true", OptionsJson = """{ "text": "x" }""" },
            new("6", TemplateStepType.Event, "NOTE_THING") { ParentId = "2" },
            new("8", TemplateStepType.Event, "GIZMO_CREATED") { ParentId = "9" },
            new("9", TemplateStepType.Event, "GIZMO_CREATED") { ParentId = "8" },
        ],
    };

    public static WorkflowTemplate TwoRoots { get; } = new("GIZMO-ROOTS", "Two roots", "GIZMO_CREATED")
    {
        Steps =
        [
            new("1", TemplateStepType.Event, "GIZMO_CREATED") { ChangeRules = [new FieldChangeRule("Weight", FieldChange.Increased)] },
            new("2", TemplateStepType.Event, "GIZMO_CREATED"),
        ],
    };

    public static WorkflowTemplate NoRoot { get; } = new("GIZMO-NO-ROOT", "No root", "GIZMO_CREATED")
    {
        Steps = [new("1", TemplateStepType.Event, "GIZMO_CREATED") { ParentId = "1" }],
    };

    public static WorkflowTemplate WrongRoot { get; } = new("GIZMO-WRONG-ROOT", "A response as the root", "GIZMO_CHANGED")
    {
        Steps = [new("1", TemplateStepType.Response, "NOTE_THING") { OptionsJson = """{ "text": "x" }""" }],
    };

    public static WorkflowTemplate BadSubWorkflow { get; } = new("GIZMO-SUB", "A sub-workflow with options", "GIZMO_CHANGED")
    {
        Steps =
        [
            new("1", TemplateStepType.Event, "GIZMO_CHANGED"),
            new("2", TemplateStepType.SubWorkflow, "not a code") { ParentId = "1", OptionsJson = "{}" },
        ],
    };
}
