using System.ComponentModel.DataAnnotations;
using System.Text.Json;
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

    public static void Check(JsonElement element, JsonTypeInfo typeInfo, JsonContracts contracts, List<FieldError> errors) =>
        Check(element, typeInfo, PendingJsonPath.Root, contracts, errors, 0);

    private static void Check(JsonElement element, JsonTypeInfo typeInfo, PendingJsonPath path, JsonContracts contracts, List<FieldError> errors, int depth)
    {
        if (depth > MaxDepth || typeInfo.PolymorphismOptions is not null)
        {
            return; // Left to the serializer.
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(element, typeInfo, path.ToString(), contracts, errors, depth);
                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array:
                var index = 0;
                var list = path.ToString();
                var elementInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, elementInfo, PendingJsonPath.Index(list, index++), contracts, errors, depth + 1);
                }

                break;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object:
                var dictionary = path.ToString();
                var valueInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (var entry in element.EnumerateObject())
                {
                    Check(entry.Value, valueInfo, PendingJsonPath.Property(dictionary, entry.Name), contracts, errors, depth + 1);
                }

                break;
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when element.ValueKind != JsonValueKind.Null:
                var expected = typeInfo.Kind == JsonTypeInfoKind.Enumerable ? "a list" : "an object";
                errors.Add(new(path.ToString(), $"Expected {expected}, found {JsonLabels.Found(element)}."));
                break;
            case JsonTypeInfoKind.None when ScalarChecker.Check(element, typeInfo.Type, typeInfo.Options) is { } message:
                errors.Add(new(path.ToString(), message));
                break;
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path, JsonContracts contracts, List<FieldError> errors, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (element.ValueKind != JsonValueKind.Null || depth == 0)
            {
                errors.Add(new(path, $"Expected an object, found {JsonLabels.Found(element)}."));
            }

            return;
        }

        var contract = contracts.For(typeInfo);
        Span<bool> present = contract.RequiredCount <= 64 ? stackalloc bool[contract.RequiredCount] : new bool[contract.RequiredCount];
        foreach (var member in element.EnumerateObject())
        {
            if (!contract.ByName.TryGetValue(member.Name, out var property))
            {
                if (!contract.AllowsUnknown)
                {
                    errors.Add(new(JsonPaths.Property(path, member.Name), $"Unknown field '{member.Name}'. Known fields: {string.Join(", ", contract.ByName.Keys.Take(25))}."));
                }

                continue;
            }

            if (property.RequiredIndex >= 0)
            {
                present[property.RequiredIndex] = true;
            }

            var info = property.Info;
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (info.Set is not null && !info.IsSetNullable)
                {
                    errors.Add(new(JsonPaths.Property(path, member.Name), $"'{info.Name}' must not be null."));
                }
            }
            else if (info.Set is not null || info.IsRequired)
            {
                Check(member.Value, property.TypeInfo, PendingJsonPath.Property(path, member.Name), contracts, errors, depth + 1);
            }
        }

        foreach (var property in contract.Properties)
        {
            if (property.RequiredIndex >= 0 && !present[property.RequiredIndex])
            {
                errors.Add(new(JsonPaths.Property(path, property.Info.Name), $"Missing required field '{property.Info.Name}'."));
            }
        }
    }

    /// <summary>C# <c>required</c>, <c>[JsonRequired]</c>, a required constructor parameter, or <c>[Required]</c>.</summary>
    public static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) ?? false);
}
