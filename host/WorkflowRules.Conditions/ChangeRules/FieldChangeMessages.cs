using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>Why a field-change rule cannot be used, worded for the person who wrote it: one place, so the messages stay consistent.</summary>
internal static class FieldChangeMessages
{
    public static string Blank(Type recordType) =>
        $"A field-change rule must name a field of {Name(recordType)}. {FieldList(recordType)}";

    public static string UnknownField(Type recordType, string name) =>
        $"{Name(recordType)} has no field '{name}'{DidYouMean(recordType, name)}. {FieldList(recordType)}";

    public static string UnknownSegment(string field, Type recordType, string prefix, Type owner, string name) =>
        FieldProperties.Of(owner).Count == 0
            ? $"'{field}' is not a field of {Name(recordType)}: {prefix} is {FieldTypeNames.WithArticle(owner)}, which has no fields."
            : $"'{field}' is not a field of {Name(recordType)}: {prefix} ({Name(owner)}) has no field '{name}'{DidYouMean(owner, name)}. {FieldList(owner)}";

    public static string EmptySegment(string field, Type recordType) =>
        $"'{field}' is not a field of {Name(recordType)}: write a field name between every two dots, as in Address.City.";

    public static string UnknownChange(FieldChangeRule rule, Type recordType) =>
        $"The rule on '{rule.Field}' of {Name(recordType)} asks for change {(int)rule.Change}, which is none of Changed, Increased or Decreased.";

    public static string Unordered(FieldChangeRule rule, Type recordType, Type valueType) =>
        $"'{rule.Field}' of {Name(recordType)} is {FieldValueKinds.Unordered(valueType)}: it can change, but it cannot be " +
        $"{(rule.Change == FieldChange.Increased ? "increased" : "decreased")}. Use Changed, or choose a field holding a number, date, time, duration or enum.";

    public static string Collection(FieldChangeRule rule, Type recordType, Type valueType)
    {
        var size = FieldProperties.Find(valueType, "Count") ?? FieldProperties.Find(valueType, "Length");
        return $"'{rule.Field}' of {Name(recordType)} is a collection ({Name(valueType)}): compared as a whole, every new copy of the record " +
            $"would count as a change. Compare something of it instead{(size is null ? "" : $", such as {rule.Field}.{size.Name}")}.";
    }

    public static string IdentityObject(FieldChangeRule rule, Type recordType, Type valueType)
    {
        var fields = FieldProperties.Of(valueType);
        var first = fields.Count > 0 ? fields[0] : null;
        return $"'{rule.Field}' of {Name(recordType)} is an object ({Name(valueType)}) compared by identity: every new copy of the record " +
            $"would count as a change. Name one of its fields instead{(first is null ? "" : $", such as {rule.Field}.{first.Name}")}.";
    }

    public static string NoPrevious(FieldChangeRule rule, Type recordType) =>
        $"The rule '{FieldChangeRuleEvaluator.Describe(rule)}' can never hold: this event does not carry the previous {Name(recordType)}, " +
        $"so there is nothing to compare {rule.Field} with. Use the rule on an event that sends the previous version of the record " +
        "(a change event), or compare current values in a C# condition.";

    public static string Unrelated(Type recordType, Type previousType) =>
        $"The previous record is {FieldTypeNames.WithArticle(previousType)} but the record is {FieldTypeNames.WithArticle(recordType)}: a change rule compares two versions of the same record.";

    private static string Name(Type type) => FieldTypeNames.Of(type);

    private static string FieldList(Type type)
    {
        var fields = FieldProperties.Of(type);
        return fields.Count == 0 ? $"{Name(type)} has no public fields." : $"Fields of {Name(type)}: {string.Join(", ", fields.Select(f => f.Name))}.";
    }

    /// <summary>The field meant when the name differs only in case or spaces ("credit limit" for CreditLimit).</summary>
    private static string DidYouMean(Type type, string name)
    {
        var squeezed = name.Replace(" ", "", StringComparison.Ordinal);
        var match = FieldProperties.Of(type).FirstOrDefault(p => string.Equals(p.Name, squeezed, StringComparison.OrdinalIgnoreCase));
        return match is null ? "" : $" (did you mean '{match.Name}'?)";
    }
}
