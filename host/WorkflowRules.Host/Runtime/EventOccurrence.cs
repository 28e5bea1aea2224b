using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Runtime;

/// <summary>An event occurrence whose record has been validated against the event's record type.</summary>
/// <param name="Event">The event, from the catalog lease the occurrence was parsed under.</param>
/// <param name="Record">The typed record (a plugin type).</param>
/// <param name="PreviousRecord">The typed previous record, for events that carry one.</param>
/// <param name="RecordJson">The record as canonical JSON.</param>
/// <param name="PreviousRecordJson">The previous record as canonical JSON.</param>
/// <param name="ActingUser">Who caused the event.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record EventOccurrence(
    EventDescriptor Event,
    object Record,
    object? PreviousRecord,
    string RecordJson,
    string? PreviousRecordJson,
    string ActingUser,
    DateTimeOffset OccurredAt)
{
    public string RecordKey => Event.RecordType.GetKey(Record);
}
