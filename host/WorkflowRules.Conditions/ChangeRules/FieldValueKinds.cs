using System.Collections;
using System.Reflection;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>What kind of value a field holds, as far as comparing two versions of it is concerned.</summary>
internal static class FieldValueKinds
{
    /// <summary>
    /// Numbers, dates, times, durations, enums and other comparable values; not text, yes/no, characters or
    /// identifiers, whose order says nothing about "more" or "less".
    /// </summary>
    public static bool CanOrder(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        if (value == typeof(string) || value == typeof(bool) || value == typeof(char) || value == typeof(Guid))
        {
            return false;
        }

        return typeof(IComparable).IsAssignableFrom(value)
            || value.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IComparable<>) && i.GenericTypeArguments[0] == value);
    }

    /// <summary>A collection (not text): two copies of the record never hold the same instance.</summary>
    public static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>
    /// A class that compares by identity (does not override Equals): two copies of the record never hold the same
    /// instance. Interfaces and <see cref="object"/> say nothing about the values they will hold, so they are not.
    /// </summary>
    public static bool ComparesByIdentity(Type type) =>
        type.IsClass && type != typeof(object) && type != typeof(string) && !typeof(Delegate).IsAssignableFrom(type)
        && type.GetMethod(nameof(Equals), BindingFlags.Public | BindingFlags.Instance, [typeof(object)])?.DeclaringType == typeof(object);

    /// <summary>How a person would call a value of <paramref name="type"/> that has no order.</summary>
    public static string Unordered(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return value == typeof(string) ? "text (string)"
            : value == typeof(bool) ? "yes/no (bool)"
            : value == typeof(char) ? "a single character (char)"
            : value == typeof(Guid) ? "an identifier (Guid)"
            : $"{FieldTypeNames.WithArticle(type)}, which has no order";
    }
}
