using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Runs a plugin's related-key selector with its version pinned, as <see cref="RecordTypeOperations{TRecord}"/> runs the key selector.</summary>
internal sealed class RecordRelationOperations<TRecord>(PluginVersion version, Func<TRecord, string?> relatedKeySelector) : IRecordRelationOperations
    where TRecord : class
{
    public Type RecordClrType => typeof(TRecord);

    public string? GetRelatedKey(object record)
    {
        var typed = record as TRecord ?? throw new ArgumentException(
            $"Expected a {typeof(TRecord).FullName} of plugin {version}, got {record?.GetType().AssemblyQualifiedName ?? "null"}. "
            + "Records of different plugin versions do not mix: parse and use them under the same lease.",
            nameof(record));
        version.Pin();
        try
        {
            return relatedKeySelector(typed);
        }
        finally
        {
            version.Unpin();
        }
    }
}
