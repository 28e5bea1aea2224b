namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// The outcome of compiling several conditions into one assembly: one result per input, in input order, the
/// collectible context the valid ones were loaded into and the emitted image (both null when none was valid).
/// </summary>
internal sealed record CompiledBatch(IReadOnlyList<CompiledConditionResult> Results, ConditionLoadContext? Context, byte[]? Image = null);
