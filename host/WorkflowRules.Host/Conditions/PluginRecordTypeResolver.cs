using WorkflowRules.Conditions;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Conditions;

/// <summary>Resolves the record type a condition script declares (<c>// record: PurchaseDocument</c>) from the loaded plugins.</summary>
public sealed class PluginRecordTypeResolver(IPluginCatalog catalog) : IConditionRecordTypeResolver
{
    public Type? Resolve(string recordTypeName) =>
        catalog.Current.RecordTypes.TryGetValue(recordTypeName, out var descriptor) ? descriptor.ClrType : null;
}
