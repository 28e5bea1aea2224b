using System.Reflection;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>A property of a struct (e.g. <c>Price.Amount</c> of a money struct), read from an unboxed copy.</summary>
internal sealed class StructFieldAccessor<TOwner, TValue>(MethodInfo getter) : TypedFieldAccessor<TValue>
    where TOwner : struct
{
    private readonly Getter _get = getter.CreateDelegate<Getter>();

    // An open-instance delegate to a struct's method takes the struct by reference.
    private delegate TValue Getter(ref TOwner owner);

    protected override TValue Get(object owner)
    {
        var copy = (TOwner)owner;
        return _get(ref copy);
    }
}
