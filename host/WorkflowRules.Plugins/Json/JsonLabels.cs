using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace WorkflowRules.Plugins.Json;

/// <summary>How types and JSON values are named in messages and option schemas.</summary>
internal static class JsonLabels
{
    private static readonly HashSet<Type> s_wholeNumbers =
        [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];

    private static readonly HashSet<Type> s_fractionalNumbers = [typeof(float), typeof(double), typeof(decimal), typeof(Half)];

    private static readonly HashSet<Type> s_orderedValues =
        [typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan)];

    public static bool IsWholeNumber(Type type) => s_wholeNumbers.Contains(type);

    public static bool IsNumber(Type type) => s_wholeNumbers.Contains(type) || s_fractionalNumbers.Contains(type);

    /// <summary>
    /// A short type name for option schemas and record fields: string, integer, number, boolean, date-time, date, time,
    /// duration, guid, list, object.
    /// </summary>
    public static string SchemaType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(char) || type.IsEnum || type == typeof(Uri) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when IsWholeNumber(type) => "integer",
            _ when IsNumber(type) => "number",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "date-time",
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(TimeOnly) => "time",
            _ when type == typeof(TimeSpan) => "duration",
            _ when type == typeof(Guid) => "guid",
            _ when IsDictionary(type) => "object", // JSON writes a dictionary as an object, though it is enumerable.
            _ when type.IsAssignableTo(typeof(IEnumerable)) => "list",
            _ => "object",
        };
    }

    /// <summary>
    /// Whether values have an order a change rule can test (<c>Increased</c>/<c>Decreased</c>): numbers, dates, times,
    /// durations, and enums (by their declared order, as C# compares them). Text and booleans have none that means anything.
    /// </summary>
    public static bool IsComparable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return IsNumber(type) || type.IsEnum || s_orderedValues.Contains(type);
    }

    /// <summary>What a value of <paramref name="type"/> looks like in JSON, for "Expected …" messages.</summary>
    public static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(bool) => "true or false",
            _ when IsWholeNumber(type) => "a whole number",
            _ when IsNumber(type) => "a number",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date and time such as \"2025-01-31T09:30:00Z\"",
            _ when type == typeof(DateOnly) => "a date such as \"2025-01-31\"",
            _ when type == typeof(TimeOnly) => "a time such as \"09:30:00\"",
            _ when type == typeof(TimeSpan) => "a duration such as \"1.02:00:00\"",
            _ when type == typeof(Guid) => "a GUID",
            _ => "text",
        };
    }

    /// <summary>Describes a JSON value for "…, found …" messages.</summary>
    public static string Found(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "the text " + Quote(element.GetString() ?? ""),
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "nothing",
    };

    private static bool IsDictionary(Type type) =>
        type.IsAssignableTo(typeof(IDictionary))
        || (type.IsInterface && type.IsGenericType && IsGenericDictionary(type))
        || type.GetInterfaces().Any(i => i.IsGenericType && IsGenericDictionary(i));

    private static bool IsGenericDictionary(Type type) =>
        type.GetGenericTypeDefinition() is var definition && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>));

    private static string Quote(string text) =>
        text.Length <= 40
            ? $"\"{text}\""
            : string.Create(CultureInfo.InvariantCulture, $"\"{text[..40]}…\" ({text.Length} characters)");
}
