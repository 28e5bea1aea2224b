namespace WorkflowRules.Plugins.Registration;

/// <summary>What a <see cref="RecordRelationDescriptor"/> does, implemented once per relation with the record type known statically.</summary>
internal interface IRecordRelationOperations
{
    Type RecordClrType { get; }

    string? GetRelatedKey(object record);
}
