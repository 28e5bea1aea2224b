using WorkflowRules.Conditions;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>
/// Distinct conditions of the shapes power users write (comparisons, LINQ with lambdas, Previous, statements with
/// a loop), numbered so that no two share a text and none can be served from a cache by accident.
/// </summary>
internal static class SampleConditions
{
    public static string Code(int n) => (n % 5) switch
    {
        0 => $"Record.Amount > {n}m && Record.VendorNo.StartsWith('V')",
        1 => $"""Record.Lines.Any(l => l.Quantity > {n % 50} && l.Type == "Item") || Record.No == "PO-{n}" """,
        2 => $"Previous != null && Record.Amount > Previous.Amount + {n}m",
        3 => $"Record.Lines.Sum(l => l.Quantity * l.UnitCost) > {n}m",
        _ => $"var total = 0m; foreach (var line in Record.Lines) {{ total += line.Quantity; }} return total > {n};",
    };

    public static (ConditionSource Source, Type RecordType) Condition(int n) => (ConditionSource.Inline(Code(n)), typeof(PurchaseDocument));

    public static List<(ConditionSource Source, Type RecordType)> Range(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(Condition)];

    public static PurchaseDocument Record() => new()
    {
        No = "PO-1001",
        VendorNo = "V1000",
        Amount = 2500m,
        Lines = new PurchaseLine[]
        {
            new() { Type = "Item", No = "1000", Quantity = 2, UnitCost = 100m },
            new() { Type = "Item", No = "1002", Quantity = 12, UnitCost = 100m },
        },
    };

    /// <summary>Throws unless every condition evaluates without failure: a figure for conditions that do not compile would be meaningless.</summary>
    public static void AssertAllRun(IConditionEvaluator evaluator, IEnumerable<(ConditionSource Source, Type RecordType)> conditions)
    {
        var record = Record();
        var evt = new WorkflowRules.Sdk.Conditions.ConditionEvent("PurchaseDocumentSentForApproval", "alice", DateTimeOffset.UnixEpoch);
        foreach (var (source, recordType) in conditions)
        {
            var outcome = evaluator.Evaluate(source, recordType, record, record, evt);
            if (outcome.Failure is { } failure)
            {
                throw new InvalidOperationException($"{source} failed: {failure.Message}");
            }
        }
    }
}
