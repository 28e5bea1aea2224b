using WorkflowRules.Conditions.Evaluation;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// One condition of a compiled batch: a bound delegate and the generated class it lives in, or the diagnostics that
/// kept it from being emitted.
/// </summary>
internal sealed record CompiledConditionResult(
    ConditionInvoker? Invoke,
    IReadOnlyList<ConditionDiagnostic> Diagnostics,
    string? ClassName = null);
