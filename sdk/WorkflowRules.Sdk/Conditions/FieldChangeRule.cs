namespace WorkflowRules.Sdk.Conditions;

/// <summary>
/// A field-change rule of an event step's condition: holds when <paramref name="Field"/> of the record changed as
/// <paramref name="Change"/> says compared with the previous record (so the event must carry one).
/// </summary>
/// <param name="Field">The record's property, by its C# name (<c>CreditLimit</c>) or a dotted path (<c>Address.City</c>).</param>
/// <param name="Change">Changed, increased or decreased.</param>
public sealed record FieldChangeRule(string Field, FieldChange Change);
