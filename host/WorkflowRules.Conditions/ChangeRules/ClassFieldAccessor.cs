using System.Reflection;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>A property of a class or an interface, read through an open-instance delegate to its getter.</summary>
internal sealed class ClassFieldAccessor<TOwner, TValue>(MethodInfo getter) : TypedFieldAccessor<TValue>
    where TOwner : class
{
    private readonly Func<TOwner, TValue> _get = getter.CreateDelegate<Func<TOwner, TValue>>();

    protected override TValue Get(object owner) => _get((TOwner)owner);
}
