using System.Text;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>Types as a person reading a message knows them from C#: <c>decimal</c>, <c>int?</c>, <c>IReadOnlyList&lt;PurchaseLine&gt;</c>.</summary>
internal static class FieldTypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
    };

    /// <summary>The name with "a" or "an" before it: "a decimal", "an Address".</summary>
    public static string WithArticle(Type type)
    {
        var name = Of(type);
        return ("AEIOUaeiou".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
    }

    public static string Of(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            builder.Append(keyword);
        }
        else if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Append(builder, underlying);
            builder.Append('?');
        }
        else if (type.IsArray)
        {
            Append(builder, type.GetElementType()!);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
        }
        else if (type.IsGenericType)
        {
            var name = type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            builder.Append(tick < 0 ? name : name[..tick]).Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                builder.Append(i > 0 ? ", " : "");
                Append(builder, arguments[i]);
            }

            builder.Append('>');
        }
        else
        {
            builder.Append(type.Name);
        }
    }
}
