using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>
/// Describes a record class for the catalog from the serializer's contract (the members records are posted and
/// stored with), so a field's JSON name, requiredness and type are exactly what <c>Parse</c> applies.
/// </summary>
internal static class RecordFieldReader
{
    // Records are documents, not graphs: a few levels cover lines of lines; deeper nesting is left undescribed.
    private const int MaxDepth = 8;

    public static IReadOnlyList<RecordFieldDescriptor> Read(JsonTypeInfo typeInfo) => Read(typeInfo, [], 0);

    // enclosing: the classes being described on the way down; a class met again is not expanded (cycles).
    private static List<RecordFieldDescriptor> Read(JsonTypeInfo typeInfo, HashSet<Type> enclosing, int depth)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || depth >= MaxDepth || !enclosing.Add(typeInfo.Type))
        {
            return [];
        }

        try
        {
            return
            [
                .. typeInfo.Properties
                    .Where(p => p.Get is not null && !p.IsExtensionData)
                    .Select(p => Describe(p, typeInfo.Options, enclosing, depth)),
            ];
        }
        finally
        {
            enclosing.Remove(typeInfo.Type);
        }
    }

    private static RecordFieldDescriptor Describe(JsonPropertyInfo property, JsonSerializerOptions options, HashSet<Type> enclosing, int depth)
    {
        var type = property.PropertyType;
        var typeInfo = options.GetTypeInfo(type);
        var fields = typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object => Read(typeInfo, enclosing, depth + 1),
            JsonTypeInfoKind.Enumerable when typeInfo.ElementType is { } element => Read(options.GetTypeInfo(element), enclosing, depth + 1),
            _ => [],
        };
        return new RecordFieldDescriptor(
            (property.AttributeProvider as MemberInfo)?.Name ?? property.Name,
            property.Name,
            JsonLabels.SchemaType(type),
            JsonShapeChecker.IsRequired(property),
            JsonLabels.IsComparable(type),
            fields);
    }
}
