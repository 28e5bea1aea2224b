namespace WorkflowRules.Sdk.Templates;

/// <summary>A read-only workflow a plugin ships so users can start from it.</summary>
/// <param name="Code">Unique template code (e.g. <c>PURCH-APPROVAL</c>).</param>
/// <param name="Description">What the workflow does.</param>
/// <param name="EntryEvent">The function name of the event that starts it.</param>
public sealed record WorkflowTemplate(string Code, string Description, string EntryEvent)
{
    /// <summary>Category code (e.g. <c>PURCH</c>).</summary>
    public string? Category { get; init; }

    /// <summary>A C# condition over the entry event's record, or null for none (simple shape only).</summary>
    public string? Condition { get; init; }

    /// <summary>The chain of responses, run in order (simple shape only).</summary>
    public IReadOnlyList<TemplateResponse> Responses { get; init; } = [];

    /// <summary>
    /// The full step tree. When given, it is the template and <see cref="Condition"/> and <see cref="Responses"/> must
    /// be empty; its one root step must be the <see cref="EntryEvent"/>.
    /// </summary>
    public IReadOnlyList<TemplateStep> Steps { get; init; } = [];
}
