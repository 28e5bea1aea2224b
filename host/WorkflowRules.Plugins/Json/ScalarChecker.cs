using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowRules.Plugins.Json;

/// <summary>Checks a JSON value against a simple .NET type (text, numbers, booleans, dates, enums) the way the serializer will read it.</summary>
internal static class ScalarChecker
{
    /// <returns>The "Expected …" message, or null when the value fits (or the type is not one this checker knows).</returns>
    public static string? Check(JsonElement element, Type type, JsonSerializerOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return underlying is null && type.IsValueType ? Mismatch(element, type) : null;
        }

        type = underlying ?? type;
        var fits = type switch
        {
            _ when type == typeof(string) => element.ValueKind == JsonValueKind.String,
            _ when type == typeof(char) => element.ValueKind == JsonValueKind.String && element.GetString()!.Length == 1,
            _ when type == typeof(bool) => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ when JsonLabels.IsNumber(type) => IsNumber(element, type, options),
            _ when type == typeof(DateTime) => element.ValueKind == JsonValueKind.String && element.TryGetDateTime(out _),
            _ when type == typeof(DateTimeOffset) => element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out _),
            _ when type == typeof(DateOnly) => element.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when type == typeof(Guid) => element.ValueKind == JsonValueKind.String && element.TryGetGuid(out _),
            _ when type.IsEnum => IsEnum(element, type),
            _ => true,
        };
        return fits ? null : Mismatch(element, type);
    }

    private static string Mismatch(JsonElement element, Type type) =>
        $"Expected {JsonLabels.Expected(type)}, found {JsonLabels.Found(element)}.";

    private static bool IsNumber(JsonElement element, Type type, JsonSerializerOptions options)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // Web defaults read numbers from strings ("12.5"); the serializer checks the range.
            var text = element.GetString()!;
            return (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0
                && (JsonLabels.IsWholeNumber(type)
                    ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        return type switch
        {
            _ when type == typeof(byte) => element.TryGetByte(out _),
            _ when type == typeof(sbyte) => element.TryGetSByte(out _),
            _ when type == typeof(short) => element.TryGetInt16(out _),
            _ when type == typeof(ushort) => element.TryGetUInt16(out _),
            _ when type == typeof(int) => element.TryGetInt32(out _),
            _ when type == typeof(uint) => element.TryGetUInt32(out _),
            _ when type == typeof(long) => element.TryGetInt64(out _),
            _ when type == typeof(ulong) => element.TryGetUInt64(out _),
            _ when type == typeof(decimal) => element.TryGetDecimal(out _),
            _ => true,
        };
    }

    private static bool IsEnum(JsonElement element, Type type) => element.ValueKind switch
    {
        JsonValueKind.String => Enum.GetNames(type).Contains(element.GetString(), StringComparer.OrdinalIgnoreCase),
        JsonValueKind.Number => true,
        _ => false,
    };
}
