using System.Reflection;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>The fields a change rule can name: public, readable, non-indexed instance properties.</summary>
internal static class FieldProperties
{
    /// <summary>
    /// The fields of <paramref name="type"/> in declaration order; of a property hidden with <c>new</c>, the most
    /// derived one; of an interface, also the members of the interfaces it extends (<c>Count</c> of a list).
    /// </summary>
    public static IReadOnlyList<PropertyInfo> Of(Type type)
    {
        IEnumerable<Type> owners = type.IsInterface ? [type, .. type.GetInterfaces()] : [type];
        var found = new List<PropertyInfo>();
        foreach (var property in owners.SelectMany(o => o.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (!IsReadable(property))
            {
                continue;
            }

            var same = found.FindIndex(p => p.Name == property.Name);
            if (same < 0)
            {
                found.Add(property);
            }
            else if (property.DeclaringType!.IsSubclassOf(found[same].DeclaringType!))
            {
                found[same] = property;
            }
        }

        return found;
    }

    /// <summary>The field named <paramref name="name"/> (exactly, as C# spells it), or null.</summary>
    public static PropertyInfo? Find(Type type, string name) => Of(type).FirstOrDefault(p => p.Name == name);

    private static bool IsReadable(PropertyInfo property) =>
        property.GetMethod is { IsPublic: true, IsStatic: false }
        && property.GetIndexParameters().Length == 0
        && property.PropertyType is { IsByRef: false, IsByRefLike: false, IsPointer: false, IsFunctionPointer: false, ContainsGenericParameters: false };
}
