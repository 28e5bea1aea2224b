using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// One condition of a compiled batch: a bound delegate and the generated class it lives in, or the diagnostics that
/// kept it from being emitted.
/// </summary>
internal sealed record CompiledConditionResult(
    Func<object, object?, ConditionEvent, bool>? Invoke,
    IReadOnlyList<ConditionDiagnostic> Diagnostics,
    string? ClassName = null);
