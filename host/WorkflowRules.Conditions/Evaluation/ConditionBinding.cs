namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// What a <see cref="ConditionHandle"/> resolved to, and the cache generation it was resolved at: valid until
/// anything is retired, forgotten or re-read (the generation moves on), then resolved again.
/// </summary>
/// <param name="Generation">The cache's <see cref="ConditionCache.Generation"/> read before resolving.</param>
/// <param name="Invoke">The compiled delegate, or null when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why the condition cannot run.</param>
/// <param name="Settled">
/// True when only a retire, forget or script change can alter the answer; false for answers that depend on the
/// scripts folder or the loaded plugins at the moment (a missing script), which are resolved again every time.
/// </param>
internal sealed record ConditionBinding(int Generation, ConditionInvoker? Invoke, ConditionFailure? Failure, bool Settled)
{
    /// <summary>A handle's state before its first evaluation: never current, so the first call resolves.</summary>
    public static ConditionBinding Unresolved { get; } = new(-1, null, null, Settled: false);
}
