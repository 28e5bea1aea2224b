namespace WorkflowRules.Host.Tests.Runtime;

/// <summary>Steps of a workflow request in the full step-tree shape, written briefly.</summary>
internal static class StepTreeRequests
{
    public static object Event(string id, string function, string? parentId = null, int sequence = 1, string? condition = null, string? next = null) =>
        new { id, type = "Event", function, parentId, sequence, nextStepId = next, condition = condition is null ? null : new { code = condition } };

    public static object Response(string id, string function, string parentId, object? options = null, string? next = null) =>
        new { id, type = "Response", function, parentId, sequence = 1, nextStepId = next, options };

    public static object SubWorkflow(string id, string workflowCode, string parentId) =>
        new { id, type = "SubWorkflow", function = workflowCode, parentId, sequence = 1 };

    public static object Note(string id, string parentId, string text, string? next = null) =>
        Response(id, "NOTE_PURCHASE_DOCUMENT", parentId, new { text }, next);

    public static object Workflow(string code, bool enabled, params object[] steps) =>
        new { code, description = $"Test workflow {code}", enabled, steps };

    public static object ApprovalEntry(string entryNo, string documentNo, string approver = "ANNA", int sequenceNo = 1) =>
        new { entryNo, documentNo, approver, sequenceNo };
}
