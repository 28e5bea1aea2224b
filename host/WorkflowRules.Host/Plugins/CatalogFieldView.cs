using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>One field of a record type, for a designer's condition and change-rule pickers.</summary>
/// <param name="Name">The C# name conditions and change rules use (<c>CreditLimit</c>).</param>
/// <param name="JsonName">The name records are posted with (<c>creditLimit</c>).</param>
/// <param name="Type">string, integer, number, boolean, date, date-time, time, duration, guid, list or object.</param>
/// <param name="Required">Whether every record has it.</param>
/// <param name="Comparable">Whether its values have an order, so a change rule may ask for Increased or Decreased.</param>
/// <param name="Fields">For an object, or a list of objects: its own fields.</param>
public sealed record CatalogFieldView(string Name, string JsonName, string Type, bool Required, bool Comparable, IReadOnlyList<CatalogFieldView> Fields)
{
    public static CatalogFieldView From(RecordFieldDescriptor field) =>
        new(field.Name, field.JsonName, field.Type, field.IsRequired, field.IsComparable, [.. field.Fields.Select(From)]);
}
