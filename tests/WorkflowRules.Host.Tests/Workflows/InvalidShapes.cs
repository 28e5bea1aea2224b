using System.Net;
using WorkflowRules.Host.Tests.Support;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>One workflow per enabling check of BC-WORKFLOW.md §1, by name (the name is also the workflow's code).</summary>
public static class InvalidShapes
{
    public static IReadOnlyDictionary<string, InvalidShape> All { get; } = new Dictionary<string, InvalidShape>
    {
        ["NO-STEPS"] = new(code => Workflow(code), "steps", "has no steps"),
        ["NO-ROOT"] = new(code => Workflow(code, Event("1", Requested, parent: "2"), Note("2", "1")), "steps", "No step is the entry point"),
        ["TWO-ROOTS"] = new(code => Workflow(code, Event("1", Requested, condition: Unique(code)), Note("2", "1"), Event("3", Released)), "steps[2].parentId", "Steps '1', '3' have no parent"),
        ["ROOT-NOT-EVENT"] = new(code => Workflow(code, Note("1", null), Event("2", Requested, "1")), "steps[0].type", "Step '1' is the entry point, so it must be an event"),
        ["ORPHAN"] = new(code => Workflow(code, Root(code), Note("2", "9")), "steps[1].parentId", "Step '2' follows step '9', which is not a step"),
        ["DUPLICATE-ID"] = new(code => Workflow(code, Root(code), Note("2", "1"), Note("2", "1")), "steps[2].id", "Step id '2' is used by 2 steps"),
        ["PARENT-LOOP"] = new(code => Workflow(code, Root(code), Note("2", "3"), Note("3", "2")), "steps[1].parentId", "Steps '2' → '3' → '2' are each other's parents"),
        ["JUMP-MISSING"] = new(code => Workflow(code, Root(code), Response("2", Steps.NoteResponse, "1", new { text = "x" }, next: "9")), "steps[1].nextStepId", "Step '2' jumps to step '9'"),
        ["UNKNOWN-EVENT"] = new(code => Workflow(code, Event("1", "NO_SUCH_EVENT"), Note("2", "1")), "steps[0].function", "Step '1': no loaded plugin offers the event 'NO_SUCH_EVENT'"),
        ["UNKNOWN-RESPONSE"] = new(code => Workflow(code, Root(code), Response("2", "NO_SUCH_RESPONSE", "1")), "steps[1].function", "Step '2': no loaded plugin offers the response 'NO_SUCH_RESPONSE'"),
        ["SUB-UNKNOWN"] = new(code => Workflow(code, Root(code), Sub("2", "NO-SUCH-FLOW", "1")), "steps[1].function", "Step '2' uses workflow 'NO-SUCH-FLOW' as a sub-workflow, but no workflow has that code"),
        ["SUB-DISABLED"] = new(
            code => Workflow(code, Root(code), Sub("2", $"{code}-S", "1")), "steps[1].function", "but it is not enabled",
            (client, code) => client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Valid($"{code}-S"))),
        ["SUB-ITSELF"] = new(code => Workflow(code, Root(code), Sub("2", code, "1")), "steps[1].function", "Step '2' uses this workflow as its own sub-workflow"),
        ["SUB-LOOP"] = new(
            code => Workflow(code, Root(code), Sub("2", $"{code}-B", "1")), "steps[1].function", $"leads back in a loop (SUB-LOOP → SUB-LOOP-B → SUB-LOOP)",
            (client, code) => client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Workflow($"{code}-B", Root($"{code}-B"), Sub("2", code, "1")))),
        ["SUB-ENDS"] = new(
            code => Workflow(code, Root(code), Sub("2", $"{code}-S", "1"), Note("3", "2")), "steps[1].function", "ends in 2 steps ('3', '4')",
            (client, code) => client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled($"{code}-S", Root($"{code}-S"), Note("2", "1"), Event("3", Canceled, "2"), Event("4", Released, "2", sequence: 2)))),
        ["OPTION-MISSING"] = new(code => Workflow(code, Root(code), Response("2", Steps.NoteResponse, "1")), "steps[1].options.text", "Step '2' (NOTE_PURCHASE_DOCUMENT)"),
        ["OPTION-INVALID"] = new(code => Workflow(code, Root(code), Response("2", SetStatus, "1", new { status = "Bogus" })), "steps[1].options.status", "Step '2' (SET_PURCHASE_STATUS)"),
        ["COMBINATION-EVENT"] = new(
            code => Workflow(code, Event("1", Released, condition: Unique(code)), Note("2", "1"), Event("3", Canceled, "2")),
            "steps[2].function", "Step '3': event 'PURCHASE_APPROVAL_CANCELED' may only follow 'PURCHASE_APPROVAL_REQUESTED', not 'PURCHASE_DOCUMENT_RELEASED'"),
        ["COMBINATION-RESPONSE"] = new(
            code => Workflow(code, Root(code), Response("2", "REVERT_CUSTOMER_CREDIT_LIMIT", "1")),
            "steps[1].function", "Step '2': response 'REVERT_CUSTOMER_CREDIT_LIMIT' may only follow 'CUSTOMER_CHANGED'"),
        ["ENTRY-NO-CONDITION"] = new(
            code => Workflow(code, Event("1", Requested), Note("2", "1")), "steps[0].condition", $"Enabled workflow 'ENTRY-NO-CONDITION-E' also starts with event '{Requested}': give this entry point a condition",
            (client, code) => client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled($"{code}-E", Root($"{code}-E"), Note("2", "1")))),
        ["ENTRY-SAME-COND"] = new(
            code => Workflow(code, Event("1", Requested, condition: "Record.Amount>5000m"), Note("2", "1")),
            "steps[0].condition", "Enabled workflow 'ENTRY-SAME-COND-E' starts with event 'PURCHASE_APPROVAL_REQUESTED' under the same condition",
            (client, code) => client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled($"{code}-E", Event("1", Requested, condition: "Record.Amount > 5000m"), Note("2", "1")))),
        ["ENTRY-OTHER-BARE"] = new(
            code => Workflow(code, Event("1", "CUSTOMER_CHANGED", condition: "Record.CreditLimit > 1m"), Block("2", "1")),
            "steps[0].condition", "Enabled workflow 'ENTRY-OTHER-BARE-E' also starts with event 'CUSTOMER_CHANGED', without a condition",
            (client, code) => client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled($"{code}-E", Event("1", "CUSTOMER_CHANGED"), Block("2", "1")))),
        ["RESPONSE-PAIR"] = new(
            code => Workflow(code, Event("1", "CUSTOMER_CHANGED", condition: Unique(code)), Response("2", "REVERT_CUSTOMER_CREDIT_LIMIT", "1")),
            "steps[1].function", "Step '2' uses 'REVERT_CUSTOMER_CREDIT_LIMIT', which works only together with 'APPLY_CUSTOMER_CREDIT_LIMIT'"),
        ["UNKNOWN-CATEGORY"] = new(code => new { code, description = "Unknown category", category = "NOPE", steps = new[] { Root(code), Note("2", "1") } }, "category", "Category 'NOPE' is unknown"),
    };

    private static object Root(string code) => Event("1", Requested, condition: Unique(code));

    private static string Unique(string code) => $"Record.No == \"{code}\"";

    private static object Block(string id, string parent) => Response(id, "BLOCK_CUSTOMER", parent, new { reason = "test" });
}
