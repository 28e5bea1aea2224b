namespace WorkflowRules.Plugins.Registration;

/// <summary>What a template step needs to know of the event it waits for, to check its change rules.</summary>
/// <param name="RecordType">The name of the record type the event carries.</param>
/// <param name="CarriesPreviousRecord">Whether change rules have a previous record to compare with.</param>
/// <param name="Fields">The record type's fields; null when they cannot be described (reported on the record type).</param>
internal sealed record TemplateEvent(string RecordType, bool CarriesPreviousRecord, IReadOnlyList<RecordFieldDescriptor>? Fields);
