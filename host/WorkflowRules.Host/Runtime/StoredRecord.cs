using System.Text.Json;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>Reads records stored as JSON back into their (plugin) type.</summary>
public static class StoredRecord
{
    public static object Parse(RecordTypeDescriptor recordType, string json)
    {
        using var document = JsonDocument.Parse(json);
        var parsed = recordType.Parse(document.RootElement);
        return parsed.Succeeded
            ? parsed.Value!
            : throw new InvalidOperationException(
                $"A stored {recordType.Name} no longer matches its record type at {parsed.Path}: {parsed.Message}. Was the plugin replaced by an incompatible version?");
    }
}
