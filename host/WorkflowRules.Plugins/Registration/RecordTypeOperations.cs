using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WorkflowRules.Plugins.Catalog;
using WorkflowRules.Plugins.Json;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Reads, writes and keys records of one plugin record type, with the plugin version's own serializer options.</summary>
internal sealed class RecordTypeOperations<TRecord>(PluginVersion version, Func<TRecord, string> keySelector) : IRecordTypeOperations
    where TRecord : class
{
    private IReadOnlyList<RecordFieldDescriptor>? _fields;

    public Type ClrType => typeof(TRecord);

    /// <summary>
    /// Read from the class on first use, which is while the plugin loads (the validator asks for it, so a class the
    /// serializer cannot describe refuses the plugin); afterwards it is plain data that outlives the plugin's types.
    /// </summary>
    public IReadOnlyList<RecordFieldDescriptor> Fields =>
        _fields ??= RecordFieldReader.Read(version.JsonOptions.GetTypeInfo(typeof(TRecord)));

    public string GetKey(object record)
    {
        var typed = Cast(record);
        version.Pin();
        try
        {
            return keySelector(typed) ?? throw new InvalidOperationException($"The key of this {typeof(TRecord).Name} is null.");
        }
        finally
        {
            version.Unpin();
        }
    }

    public RecordParseResult Parse(JsonElement json)
    {
        version.Pin();
        try
        {
            var result = JsonModelReader.Read<TRecord>(json, version.JsonOptions, version.JsonContracts);
            return result.Errors.Count == 0 ? RecordParseResult.Success(result.Value!) : RecordParseResult.Failure(result.Errors);
        }
        finally
        {
            version.Unpin();
        }
    }

    public string Serialize(object record)
    {
        var typed = Cast(record);
        version.Pin();
        try
        {
            return JsonSerializer.Serialize(typed, (JsonTypeInfo<TRecord>)version.JsonOptions.GetTypeInfo(typeof(TRecord)));
        }
        finally
        {
            version.Unpin();
        }
    }

    private TRecord Cast(object record) =>
        record as TRecord ?? throw new ArgumentException(
            $"Expected a {typeof(TRecord).FullName} of plugin {version}, got {record?.GetType().AssemblyQualifiedName ?? "null"}. "
            + "Records of different plugin versions do not mix: parse and use them under the same lease.",
            nameof(record));
}
