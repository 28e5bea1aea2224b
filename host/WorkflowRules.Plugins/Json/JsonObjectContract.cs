using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>
/// What the shape check and the annotation check need to know about one object type, read once from its serializer
/// contract and its attributes instead of for every record read (reading attributes builds them anew each time).
/// </summary>
internal sealed class JsonObjectContract
{
    public JsonObjectContract(JsonTypeInfo typeInfo)
    {
        var options = typeInfo.Options;
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = ImmutableArray.CreateBuilder<JsonPropertyContract>(typeInfo.Properties.Count);
        var required = 0;
        foreach (var property in typeInfo.Properties)
        {
            var mustBePresent = !property.IsExtensionData && JsonShapeChecker.IsRequired(property);
            properties.Add(new JsonPropertyContract(property, mustBePresent ? required++ : -1));
        }

        Properties = properties.MoveToImmutable();
        ByName = Properties.Where(p => !p.Info.IsExtensionData).ToDictionary(p => p.Info.Name, comparer);
        RequiredCount = required;
        AllowsUnknown = typeInfo.Properties.Any(p => p.IsExtensionData)
            || (typeInfo.UnmappedMemberHandling ?? options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Skip;
        TypeAttributes = [.. typeInfo.Type.GetCustomAttributes<ValidationAttribute>(inherit: true)];
    }

    /// <summary>The serialized properties in contract order (extension data included: annotations apply to it too).</summary>
    public ImmutableArray<JsonPropertyContract> Properties { get; }

    /// <summary>The properties a JSON member can name (extension data excluded), by JSON name.</summary>
    public IReadOnlyDictionary<string, JsonPropertyContract> ByName { get; }

    /// <summary>How many properties must be present; each has its <see cref="JsonPropertyContract.RequiredIndex"/>.</summary>
    public int RequiredCount { get; }

    public bool AllowsUnknown { get; }

    public ImmutableArray<ValidationAttribute> TypeAttributes { get; }
}
