using WorkflowRules.Sdk.Conditions;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks an event step's change rules against the event: it must carry the previous record to compare with, the
/// field must exist on its record type (by C# name, dotted through nested objects), and "increased" or "decreased"
/// needs a field whose values have an order.
/// </summary>
internal static class ChangeRuleValidator
{
    public static void Validate(TemplateStep step, string where, TemplateEvent descriptor, RegistrationProblems problems)
    {
        var rules = step.ChangeRules ?? [];
        if (rules.Count > 0 && !descriptor.CarriesPreviousRecord)
        {
            problems.Add($"{where}: change rules compare with the previous record, but {step.FunctionName} does not carry one.");
        }

        foreach (var rule in rules)
        {
            if (rule is null || string.IsNullOrWhiteSpace(rule.Field))
            {
                problems.Add($"{where}: a change rule needs the field it watches (e.g. CreditLimit).");
                continue;
            }

            if (!Enum.IsDefined(rule.Change))
            {
                problems.Add($"{where}: the change rule on {rule.Field} has the unknown change {(int)rule.Change}: use Changed, Increased or Decreased.");
            }

            if (descriptor.Fields is not { } fields)
            {
                continue;
            }

            if (Find(fields, rule.Field) is not { } field)
            {
                problems.Add(
                    $"{where}: the change rule names {rule.Field}, which is not a field of {descriptor.RecordType} "
                    + $"(fields: {string.Join(", ", fields.Select(f => f.Name))}).");
            }
            else if ((rule.Change is FieldChange.Increased or FieldChange.Decreased) && !field.IsComparable)
            {
                problems.Add($"{where}: {rule.Field} cannot have {rule.Change}: it is a {field.Type} field, whose values have no order; use Changed.");
            }
        }
    }

    /// <summary>A field by C# name or dotted path (<c>Address.City</c>), descending through nested objects only (not lists).</summary>
    private static RecordFieldDescriptor? Find(IReadOnlyList<RecordFieldDescriptor> fields, string path)
    {
        RecordFieldDescriptor? found = null;
        foreach (var segment in path.Split('.'))
        {
            var candidates = found is null ? fields : found.Type == "object" ? found.Fields : [];
            found = candidates.FirstOrDefault(f => f.Name == segment.Trim());
            if (found is null)
            {
                return null;
            }
        }

        return found;
    }
}
