using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>
/// Walks a JSON document along the serializer's contract of the target type and reports every unknown member,
/// missing required member, forbidden null and wrong JSON type — all of them, with paths — before the serializer
/// (which stops at the first) runs.
/// </summary>
internal static class JsonShapeChecker
{
    private const int MaxDepth = 64;

    public static void Check(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors) =>
        Check(element, typeInfo, path, errors, 0);

    private static void Check(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors, int depth)
    {
        if (depth > MaxDepth || typeInfo.PolymorphismOptions is not null)
        {
            return; // Left to the serializer.
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(element, typeInfo, path, errors, depth);
                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array:
                var index = 0;
                var elementInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, elementInfo, JsonPaths.Index(path, index++), errors, depth + 1);
                }

                break;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object:
                var valueInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (var entry in element.EnumerateObject())
                {
                    Check(entry.Value, valueInfo, JsonPaths.Property(path, entry.Name), errors, depth + 1);
                }

                break;
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when element.ValueKind != JsonValueKind.Null:
                var expected = typeInfo.Kind == JsonTypeInfoKind.Enumerable ? "a list" : "an object";
                errors.Add(new(path, $"Expected {expected}, found {JsonLabels.Found(element)}."));
                break;
            case JsonTypeInfoKind.None when ScalarChecker.Check(element, typeInfo.Type, typeInfo.Options) is { } message:
                errors.Add(new(path, message));
                break;
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (element.ValueKind != JsonValueKind.Null || depth == 0)
            {
                errors.Add(new(path, $"Expected an object, found {JsonLabels.Found(element)}."));
            }

            return;
        }

        var options = typeInfo.Options;
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = typeInfo.Properties.Where(p => !p.IsExtensionData).ToDictionary(p => p.Name, comparer);
        var allowsUnknown = typeInfo.Properties.Any(p => p.IsExtensionData)
            || (typeInfo.UnmappedMemberHandling ?? options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Skip;
        var present = new HashSet<string>(comparer);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = JsonPaths.Property(path, member.Name);
            if (!properties.TryGetValue(member.Name, out var property))
            {
                if (!allowsUnknown)
                {
                    errors.Add(new(memberPath, $"Unknown field '{member.Name}'. Known fields: {string.Join(", ", properties.Keys.Take(25))}."));
                }

                continue;
            }

            present.Add(property.Name);
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (property.Set is not null && !property.IsSetNullable)
                {
                    errors.Add(new(memberPath, $"'{property.Name}' must not be null."));
                }
            }
            else if (property.Set is not null || property.IsRequired)
            {
                Check(member.Value, options.GetTypeInfo(property.PropertyType), memberPath, errors, depth + 1);
            }
        }

        foreach (var property in properties.Values)
        {
            if (!present.Contains(property.Name) && IsRequired(property))
            {
                errors.Add(new(JsonPaths.Property(path, property.Name), $"Missing required field '{property.Name}'."));
            }
        }
    }

    /// <summary>C# <c>required</c>, <c>[JsonRequired]</c>, a required constructor parameter, or <c>[Required]</c>.</summary>
    public static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) ?? false);
}
