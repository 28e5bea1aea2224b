using WorkflowRules.Conditions;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>The one record type the benchmarks use, by name (the host resolves it from its plugin catalog).</summary>
internal sealed class BenchmarkRecordTypeResolver : IConditionRecordTypeResolver
{
    public Type? Resolve(string recordTypeName) =>
        recordTypeName == nameof(PurchaseDocument) ? typeof(PurchaseDocument) : null;
}
