using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>How export files are written: indented for people, absent fields left out (absent reads back as null).</summary>
public static class TransferJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
