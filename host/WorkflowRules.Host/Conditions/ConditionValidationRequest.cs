namespace WorkflowRules.Host.Conditions;

/// <summary>A condition to check for an event, as an editor or a CI step sends it.</summary>
/// <param name="Event">The event whose record type the condition is written against.</param>
/// <param name="Condition">Inline C#.</param>
/// <param name="Script">Or the name of a script in the scripts folder.</param>
public sealed record ConditionValidationRequest(string? Event, string? Condition, string? Script);

/// <summary>Whether the condition compiles and passes the allow-list; if not, where and why.</summary>
public sealed record ConditionValidationResult(bool Valid, string RecordType, IReadOnlyList<WorkflowRules.Conditions.ConditionDiagnostic> Diagnostics);
