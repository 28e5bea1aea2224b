namespace WorkflowRules.Conditions.Lowering;

/// <summary>The <see cref="Enumerable"/> methods with a predicate that conditions use most, and that are lowered to loops.</summary>
internal enum LinqQuantifier
{
    Any,
    All,
    Count,
}
