using System.Reflection;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>
/// Reads one property of an object through a delegate typed on the property's owner and value, so reading and
/// comparing need neither reflection nor boxing per call. Made once per (type, path) and cached.
/// </summary>
internal abstract class FieldAccessor
{
    /// <summary>The value, boxed when it is a value type: what the next segment of a dotted path reads from.</summary>
    public abstract object? Read(object owner);

    /// <summary>
    /// Whether the value changed as <paramref name="change"/> says from <paramref name="previousOwner"/>'s to
    /// <paramref name="currentOwner"/>'s. A null owner (a null object on the way down a dotted path) means a null value.
    /// </summary>
    public abstract bool Holds(FieldChange change, object? currentOwner, object? previousOwner);

    /// <summary>The accessor of a readable instance property (see <see cref="FieldProperties"/>).</summary>
    public static FieldAccessor Create(PropertyInfo property)
    {
        var owner = property.DeclaringType!;
        // Open-instance delegates to a struct's getter take the struct by reference, so structs get their own shape.
        var shape = owner.IsValueType ? typeof(StructFieldAccessor<,>) : typeof(ClassFieldAccessor<,>);
        return (FieldAccessor)Activator.CreateInstance(shape.MakeGenericType(owner, property.PropertyType), property.GetMethod!)!;
    }
}
