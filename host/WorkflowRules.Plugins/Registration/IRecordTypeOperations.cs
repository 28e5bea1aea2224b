using System.Text.Json;

namespace WorkflowRules.Plugins.Registration;

/// <summary>What a <see cref="RecordTypeDescriptor"/> does, implemented once per record type with the type known statically.</summary>
internal interface IRecordTypeOperations
{
    Type ClrType { get; }

    IReadOnlyList<RecordFieldDescriptor> Fields { get; }

    string GetKey(object record);

    RecordParseResult Parse(JsonElement json);

    string Serialize(object record);
}
