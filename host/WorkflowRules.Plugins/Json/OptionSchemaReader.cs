using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>Describes an options class for the catalog, from the serializer's contract and the members' attributes.</summary>
internal static class OptionSchemaReader
{
    public static IReadOnlyList<OptionDescriptor> Read(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return [];
        }

        return
        [
            .. typeInfo.Properties
                .Where(p => p.Set is not null && !p.IsExtensionData)
                .Select(p => new OptionDescriptor(
                    p.Name,
                    JsonLabels.SchemaType(p.PropertyType),
                    JsonShapeChecker.IsRequired(p),
                    Description(p.AttributeProvider),
                    AllowedValues(p))),
        ];
    }

    private static string? Description(ICustomAttributeProvider? member) =>
        member is MemberInfo info
            ? info.GetCustomAttribute<DescriptionAttribute>()?.Description ?? info.GetCustomAttribute<DisplayAttribute>()?.GetDescription()
            : null;

    private static List<string>? AllowedValues(JsonPropertyInfo property)
    {
        if (property.AttributeProvider is MemberInfo member && member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            return [.. allowed.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null")];
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type.IsEnum ? [.. Enum.GetNames(type)] : null;
    }
}
