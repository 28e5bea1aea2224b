using System.Text;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>Writes a CLR type the way C# source names it, fully qualified, so generated code never depends on usings.</summary>
internal static class CSharpTypeNames
{
    public static string Of(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type)
    {
        if (type.IsArray)
        {
            Append(builder, type.GetElementType()!);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        var genericArguments = type.IsGenericType ? type.GetGenericArguments() : [];
        var usedByOuter = 0;
        if (type.IsNested)
        {
            // Type arguments of a nested generic type list the outer type's arguments first.
            var outer = type.DeclaringType!;
            usedByOuter = outer.IsGenericTypeDefinition ? outer.GetGenericArguments().Length : 0;
            Append(builder, usedByOuter > 0 ? outer.MakeGenericType(genericArguments[..usedByOuter]) : outer);
            builder.Append('.');
        }
        else
        {
            builder.Append("global::");
            if (!string.IsNullOrEmpty(type.Namespace))
            {
                builder.Append(type.Namespace).Append('.');
            }
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        builder.Append(tick < 0 ? name : name[..tick]);
        var own = genericArguments[usedByOuter..];
        if (own.Length > 0)
        {
            builder.Append('<');
            for (var i = 0; i < own.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                Append(builder, own[i]);
            }

            builder.Append('>');
        }
    }
}
