namespace WorkflowRules.Plugins.Json;

/// <summary>A value read from JSON, or the problems found.</summary>
internal sealed record ModelReadResult<T>(T? Value, IReadOnlyList<FieldError> Errors)
    where T : class;
