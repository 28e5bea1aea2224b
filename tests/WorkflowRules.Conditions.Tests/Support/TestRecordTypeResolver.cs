using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Conditions.Tests.Support;

/// <summary>What the host implements from its plugin catalog: here, the public types of the two sample plugins, by name.</summary>
public sealed class TestRecordTypeResolver : IConditionRecordTypeResolver
{
    private readonly Dictionary<string, Type> _types = typeof(PurchaseDocument).Assembly.GetExportedTypes()
        .Concat(typeof(Customer).Assembly.GetExportedTypes())
        .Where(t => !t.IsAbstract)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public Type? Resolve(string recordTypeName) => _types.GetValueOrDefault(recordTypeName);
}
