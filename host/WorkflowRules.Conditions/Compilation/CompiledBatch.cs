namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// The outcome of compiling several conditions into one assembly: one result per input, in input order, and the
/// collectible context the valid ones were loaded into (null when none was valid).
/// </summary>
internal sealed record CompiledBatch(IReadOnlyList<CompiledConditionResult> Results, ConditionLoadContext? Context);
