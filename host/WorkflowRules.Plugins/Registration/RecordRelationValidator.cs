namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks record relations: the record type that belongs to another must be this plugin's own; the type it belongs to
/// is only named (it may come from a plugin that loads later), so only its name can be checked.
/// </summary>
internal static class RecordRelationValidator
{
    public static void Validate(PluginBuilder builder, RegistrationProblems problems)
    {
        var declared = new HashSet<(Type, string)>();
        foreach (var relation in builder.RecordRelations)
        {
            var clrType = relation.Operations.RecordClrType;
            var related = relation.RelatedRecordType;
            var recordType = builder.RecordTypes.FirstOrDefault(r => r.ClrType == clrType);
            var label = $"AddRecordRelation<{clrType.Name}>(\"{related}\", …)";
            if (recordType is null)
            {
                problems.Add($"{label}: {clrType.Name} is not a record type of this plugin: call AddRecordType<{clrType.Name}>(…) in Register.");
            }

            if (string.IsNullOrWhiteSpace(related))
            {
                problems.Add($"{label} needs the name of the record type {clrType.Name} belongs to (e.g. PurchaseDocument).");
            }
            else if (!Names.RecordTypeName().IsMatch(related))
            {
                problems.Add($"{label}: '{related}' is not a valid record type name: use letters, digits, '_' or '.', starting with a letter.");
            }
            else if (!declared.Add((clrType, related)))
            {
                problems.Add($"{label} is declared twice.");
            }
        }
    }
}
