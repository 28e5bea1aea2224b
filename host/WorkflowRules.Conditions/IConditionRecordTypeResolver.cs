namespace WorkflowRules.Conditions;

/// <summary>
/// Maps the record-type name a script declares (<c>// record: PurchaseDocument</c>) to the CLR type to compile it
/// against. The host implements it from its plugin catalog; it must not cache the types it returns.
/// </summary>
public interface IConditionRecordTypeResolver
{
    /// <summary>The type currently offered under <paramref name="recordTypeName"/>, or null when no loaded plugin offers it.</summary>
    Type? Resolve(string recordTypeName);
}
