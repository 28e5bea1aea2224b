using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks what a plugin declared: name shapes, descriptions, events on declared record types, categories, record
/// relations, response pairs and templates, and names unique within the plugin and across every other loaded plugin.
/// </summary>
internal static class RegistrationValidator
{
    public static RegistrationProblems Validate(PluginVersion version, PluginBuilder builder, CatalogContext others)
    {
        var problems = new RegistrationProblems();
        if (others.PluginIds.TryGetValue(version.Id, out var sameId))
        {
            problems.AddConflict($"Plugin id '{version.Id}' is already loaded from folder '{sameId.FolderName}'.");
        }

        ValidateRecordTypes(builder, others, problems);
        var ownFunctions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in builder.Events)
        {
            var definition = declaration.Definition;
            ValidateFunction("Event", definition.FunctionName, definition.Description, "When", definition.Category, ownFunctions, others, problems);
            if (!builder.RecordTypes.Any(r => r.ClrType == declaration.RecordClrType))
            {
                problems.Add(
                    $"Event {definition.FunctionName} carries {declaration.RecordClrType.Name}, which the plugin does not declare: "
                    + $"call AddRecordType<{declaration.RecordClrType.Name}>(…) in Register.");
            }
        }

        foreach (var declaration in builder.Responses)
        {
            var definition = declaration.Definition;
            ValidateFunction("Response", definition.FunctionName, definition.Description, "Then", definition.Category, ownFunctions, others, problems);
        }

        CategoryValidator.Validate(builder, others, problems);
        RecordRelationValidator.Validate(builder, problems);
        ResponsePairValidator.Validate(builder, problems);
        TemplateValidator.Validate(builder, others, problems);
        return problems;
    }

    private static void ValidateRecordTypes(PluginBuilder builder, CatalogContext others, RegistrationProblems problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var types = new HashSet<Type>();
        foreach (var recordType in builder.RecordTypes)
        {
            if (!Names.RecordTypeName().IsMatch(recordType.Name))
            {
                problems.Add($"Record type name '{recordType.Name}' is not valid: use letters, digits, '_' or '.', starting with a letter (e.g. PurchaseDocument).");
            }
            else if (!names.Add(recordType.Name))
            {
                problems.Add($"Record type '{recordType.Name}' is declared twice.");
            }
            else if (others.RecordTypes.TryGetValue(recordType.Name, out var owner))
            {
                problems.AddConflict($"Record type '{recordType.Name}' is already provided by plugin {owner}.");
            }

            if (!types.Add(recordType.ClrType))
            {
                problems.Add($"{recordType.ClrType.Name} is declared as a record type twice.");
            }

            if (string.IsNullOrWhiteSpace(recordType.Description))
            {
                problems.Add($"Record type '{recordType.Name}' needs a description.");
            }

            DescribeFields(recordType, problems);
        }
    }

    /// <summary>Reads the record's fields now, so a class the serializer cannot describe refuses the plugin with the reason.</summary>
    private static void DescribeFields(RecordTypeDeclaration recordType, RegistrationProblems problems)
    {
        try
        {
            _ = recordType.Operations.Fields;
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            problems.Add($"Record type '{recordType.Name}' cannot be read from JSON ({recordType.ClrType.Name}): {exception.Message}");
        }
    }

    private static void ValidateFunction(
        string kind, string name, string description, string firstWord, string? category,
        HashSet<string> ownFunctions, CatalogContext others, RegistrationProblems problems)
    {
        if (!Names.FunctionName().IsMatch(name ?? ""))
        {
            problems.Add($"{kind} function name '{name}' is not valid: use upper-case letters, digits and '_', starting with a letter (e.g. PURCHASE_APPROVAL_REQUESTED).");
            return;
        }

        if (!ownFunctions.Add(name!))
        {
            problems.Add($"Function name {name} is declared twice.");
        }
        else if (others.FunctionOwners.TryGetValue(name!, out var owner))
        {
            problems.AddConflict($"Function name {name} is already provided by plugin {owner}; function names must be unique across plugins.");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            problems.Add($"{kind} {name} needs a description (a sentence starting with \"{firstWord}\").");
        }

        if (category is not null && !Names.Category().IsMatch(category))
        {
            problems.Add($"{kind} {name} has category '{category}': use an upper-case code such as PURCH or SALES.");
        }
    }
}
