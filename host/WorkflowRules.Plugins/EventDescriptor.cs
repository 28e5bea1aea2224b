namespace WorkflowRules.Plugins;

/// <summary>An event a plugin offers.</summary>
public sealed class EventDescriptor
{
    internal EventDescriptor(string functionName, string description, RecordTypeDescriptor recordType, bool carriesPreviousRecord, string? category, string pluginId)
    {
        FunctionName = functionName;
        Description = description;
        RecordType = recordType;
        CarriesPreviousRecord = carriesPreviousRecord;
        Category = category;
        PluginId = pluginId;
    }

    public string FunctionName { get; }

    /// <summary>"When …".</summary>
    public string Description { get; }

    /// <summary>The record type occurrences carry.</summary>
    public RecordTypeDescriptor RecordType { get; }

    /// <summary>Whether occurrences carry the previous version of the record.</summary>
    public bool CarriesPreviousRecord { get; }

    public string? Category { get; }

    public string PluginId { get; }
}
