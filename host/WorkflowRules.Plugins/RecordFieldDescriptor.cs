namespace WorkflowRules.Plugins;

/// <summary>One field of a record type, as a designer (and a change rule) sees it.</summary>
/// <param name="Name">The C# property name, as conditions and change rules use it (<c>CreditLimit</c>).</param>
/// <param name="JsonName">The JSON name records are posted with (<c>creditLimit</c>).</param>
/// <param name="Type">string, integer, number, boolean, date, date-time, time, duration, list, object.</param>
/// <param name="IsRequired">Whether a record must have it.</param>
/// <param name="IsComparable">Whether it can be compared by size (so <c>Increased</c>/<c>Decreased</c> rules apply).</param>
/// <param name="Fields">For an object, or a list of objects: its own fields.</param>
public sealed record RecordFieldDescriptor(
    string Name, string JsonName, string Type, bool IsRequired, bool IsComparable, IReadOnlyList<RecordFieldDescriptor> Fields);
