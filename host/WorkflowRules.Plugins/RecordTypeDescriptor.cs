using System.Text.Json;
using WorkflowRules.Plugins.Registration;

namespace WorkflowRules.Plugins;

/// <summary>A record type a plugin declared: the typed C# class events carry, and how to read and write it as JSON.</summary>
public sealed class RecordTypeDescriptor
{
    private readonly IRecordTypeOperations _operations;

    internal RecordTypeDescriptor(string name, string description, string pluginId, IRecordTypeOperations operations)
    {
        Name = name;
        Description = description;
        PluginId = pluginId;
        _operations = operations;
    }

    public string Name { get; }

    /// <summary>The plugin's class (it lives in the plugin's load context: never cache it beyond a lease).</summary>
    public Type ClrType => _operations.ClrType;

    public string Description { get; }

    public string PluginId { get; }

    /// <summary>The record's fields, read from its class when the plugin loaded.</summary>
    public IReadOnlyList<RecordFieldDescriptor> Fields => _operations.Fields;

    /// <summary>The record's key (e.g. the document number).</summary>
    /// <exception cref="ArgumentException"><paramref name="record"/> is not of this record type.</exception>
    public string GetKey(object record) => _operations.GetKey(record);

    /// <summary>
    /// Reads a record from JSON (camelCase names). Reports every unknown or missing member, wrong JSON type and
    /// data-annotation violation it finds, each with its path.
    /// </summary>
    public RecordParseResult Parse(JsonElement json) => _operations.Parse(json);

    /// <summary>Writes a record as JSON (camelCase names), the form <see cref="Parse"/> reads.</summary>
    /// <exception cref="ArgumentException"><paramref name="record"/> is not of this record type.</exception>
    public string Serialize(object record) => _operations.Serialize(record);
}
