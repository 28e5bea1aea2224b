namespace WorkflowRules.Conditions.Tests.Support;

/// <summary>Offers no record type until <see cref="Offer"/> is called: a plugin that loads after the scripts were read.</summary>
public sealed class SwitchableRecordTypeResolver : IConditionRecordTypeResolver
{
    private volatile bool _offering;

    public void Offer() => _offering = true;

    public Type? Resolve(string recordTypeName) => _offering ? new TestRecordTypeResolver().Resolve(recordTypeName) : null;
}
