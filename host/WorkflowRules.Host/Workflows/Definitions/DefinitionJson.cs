using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowRules.Host.Workflows.Definitions;

/// <summary>The one serializer configuration for stored definitions, so what is written is what is read.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static WorkflowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new InvalidOperationException("A stored workflow definition is empty.");
}
