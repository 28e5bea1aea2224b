using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>The globals a plain <c>CSharpScript</c> condition sees: the record, named as in our conditions.</summary>
public sealed class ConditionGlobals
{
    public required PurchaseDocument Record { get; init; }
}
