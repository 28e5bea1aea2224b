using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>The serializer options of one loaded plugin version.</summary>
internal static class PluginJsonOptions
{
    /// <summary>
    /// A new instance per plugin version, dropped with it. The serializer caches metadata (holding the plugin's
    /// types) per options instance and shares caches between options that compare equal; a resolver instance
    /// of its own makes these options equal to no other, so no other options ever hold this version's types.
    /// </summary>
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
