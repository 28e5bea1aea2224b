using WorkflowRules.Plugins.Registration;

namespace WorkflowRules.Plugins;

/// <summary>
/// A record type whose records belong to records of another type (an approval entry to its document): an event on
/// such a record also continues the running instances of the record it belongs to.
/// </summary>
public sealed class RecordRelationDescriptor
{
    private readonly IRecordRelationOperations _operations;

    internal RecordRelationDescriptor(string recordType, string relatedRecordType, string pluginId, IRecordRelationOperations operations)
    {
        RecordType = recordType;
        RelatedRecordType = relatedRecordType;
        PluginId = pluginId;
        _operations = operations;
    }

    /// <summary>The record type whose records belong to another (declared by <see cref="PluginId"/>).</summary>
    public string RecordType { get; }

    /// <summary>The record type they belong to; it may come from another plugin, or from none that is loaded now.</summary>
    public string RelatedRecordType { get; }

    public string PluginId { get; }

    /// <summary>The key of the record <paramref name="record"/> belongs to, or null when it belongs to none.</summary>
    /// <exception cref="ArgumentException"><paramref name="record"/> is not of <see cref="RecordType"/> (of this plugin version).</exception>
    /// <exception cref="ObjectDisposedException">The plugin version was unloaded: call it under a <see cref="CatalogLease"/>.</exception>
    public string? GetRelatedKey(object record) => _operations.GetRelatedKey(record);
}
