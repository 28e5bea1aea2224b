namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>
/// A workflow as a client sends it: the header and either the full step tree (<see cref="Steps"/>) or the simple
/// shape (one entry event with an optional condition, then a chain of responses), which becomes the same tree.
/// </summary>
public sealed record WorkflowRequest
{
    /// <summary>Unique upper-case code; taken from the route on update.</summary>
    public string? Code { get; init; }

    public string? Description { get; init; }

    /// <summary>Category code (PURCH, SALES, … or one a plugin adds); null or blank for none.</summary>
    public string? Category { get; init; }

    /// <summary>
    /// On create: enable at once (every enabling check must pass first). On update: true also enables a disabled
    /// workflow with the new version; false never disables (that is <c>POST …/disable</c>).
    /// </summary>
    public bool? Enabled { get; init; }

    /// <summary>The full step tree; when given, the simple-shape fields must be absent.</summary>
    public IReadOnlyList<StepRequest?>? Steps { get; init; }

    /// <summary>Simple shape: function name of the event that starts the workflow.</summary>
    public string? EntryEvent { get; init; }

    /// <summary>Simple shape: inline C# condition over <c>Record</c>, <c>Previous</c> and <c>Event</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>Simple shape: name of a condition script in the scripts folder (instead of <see cref="Condition"/>).</summary>
    public string? ConditionScript { get; init; }

    /// <summary>Simple shape: the responses, run one after another.</summary>
    public IReadOnlyList<WorkflowResponseRequest?>? Responses { get; init; }

    /// <summary>Whether the client used the simple shape (no <see cref="Steps"/>).</summary>
    public bool IsSimpleShape => Steps is null;
}
