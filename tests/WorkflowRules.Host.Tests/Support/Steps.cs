namespace WorkflowRules.Host.Tests.Support;

/// <summary>Steps of the request shape, written briefly.</summary>
public static class Steps
{
    public const string Requested = "PURCHASE_APPROVAL_REQUESTED";
    public const string Canceled = "PURCHASE_APPROVAL_CANCELED";
    public const string Released = "PURCHASE_DOCUMENT_RELEASED";
    public const string NoteResponse = "NOTE_PURCHASE_DOCUMENT";
    public const string SetStatus = "SET_PURCHASE_STATUS";

    /// <summary>An event step; its condition is inline code, a script of the scripts folder by name, change rules, or none.</summary>
    public static object Event(
        string id, string function, string? parent = null, string? condition = null, object[]? changeRules = null, int sequence = 1, string? next = null, string? script = null) => new
    {
        id,
        type = "Event",
        function,
        parentId = parent,
        sequence,
        nextStepId = next,
        condition = condition is null && changeRules is null && script is null ? null : new { code = condition, script, changeRules },
    };

    public static object Response(string id, string function, string? parent, object? options = null, int sequence = 1, string? next = null) => new
    {
        id,
        type = "Response",
        function,
        parentId = parent,
        sequence,
        nextStepId = next,
        options,
    };

    public static object Note(string id, string? parent, string text = "noted") => Response(id, NoteResponse, parent, new { text });

    public static object Sub(string id, string code, string? parent) => new { id, type = "SubWorkflow", function = code, parentId = parent };

    /// <summary>A workflow request in the step shape.</summary>
    public static object Workflow(string code, params object[] steps) => new { code, description = $"Test workflow {code}", steps };

    /// <summary>A workflow request in the step shape, enabled at once.</summary>
    public static object Enabled(string code, params object[] steps) => new { code, description = $"Test workflow {code}", enabled = true, steps };

    /// <summary>The smallest valid workflow: an entry event with a condition no other test uses, then a note.</summary>
    public static object Valid(string code, string? entryEvent = null) =>
        Workflow(code, Event("1", entryEvent ?? Requested, condition: $"Record.No == \"{code}\""), Note("2", "1"));
}
