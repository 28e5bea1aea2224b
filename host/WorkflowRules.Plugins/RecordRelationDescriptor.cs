namespace WorkflowRules.Plugins;

/// <summary>
/// A record type whose records belong to records of another type (an approval entry to its document): an event on
/// such a record also continues the running instances of the record it belongs to.
/// </summary>
public sealed class RecordRelationDescriptor
{
    private readonly Func<object, string?> _relatedKey;

    internal RecordRelationDescriptor(string recordType, string relatedRecordType, Func<object, string?> relatedKey, string pluginId)
    {
        RecordType = recordType;
        RelatedRecordType = relatedRecordType;
        _relatedKey = relatedKey;
        PluginId = pluginId;
    }

    public string RecordType { get; }

    public string RelatedRecordType { get; }

    public string PluginId { get; }

    /// <summary>The key of the record <paramref name="record"/> belongs to, or null when it belongs to none. Run under a lease.</summary>
    public string? GetRelatedKey(object record) => _relatedKey(record);
}
