using System.Runtime.Loader;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions;

/// <summary>Runs conditions: compiled once, cached as delegates, bounded in time.</summary>
public interface IConditionEvaluator
{
    /// <summary>
    /// Whether the condition holds for <paramref name="record"/> (and its <paramref name="previous"/> version,
    /// null when there is none). Compiles on first use unless <see cref="Prepare"/> did. Never throws for
    /// problems of the user's code: they come back as <see cref="ConditionOutcome.Failure"/>.
    /// </summary>
    ConditionOutcome Evaluate(ConditionSource source, Type recordType, object record, object? previous, ConditionEvent evt);

    /// <summary>
    /// A handle to evaluate <paramref name="source"/> against records of <paramref name="recordType"/> many times,
    /// faster than <see cref="Evaluate"/> (no lookup per call). Binding is cheap and compiles nothing: the first
    /// evaluation compiles unless <see cref="Prepare"/> did. The handle follows retires, forgets and script edits.
    /// </summary>
    ConditionHandle Bind(ConditionSource source, Type recordType);

    /// <summary>
    /// Compiles every condition not yet cached in one assembly (one per record-type load context), e.g. all
    /// conditions of a workflow version when it is published or first used. Invalid ones are cached as invalid.
    /// With <see cref="ConditionOptions.CompiledCacheDirectory"/> set, conditions compiled by an earlier run (or
    /// another process) are loaded from disk instead of compiled, and new compiles are written there: call it
    /// at start-up with the conditions of every enabled workflow, in as few calls as convenient.
    /// </summary>
    void Prepare(IReadOnlyList<(ConditionSource Source, Type RecordType)> conditions);

    /// <summary>
    /// Drops every compiled condition written against a type of <paramref name="recordTypeContext"/> and unloads
    /// the load contexts that held them, so that a plugin's context can unload. Call it before unloading a plugin.
    /// </summary>
    void Forget(AssemblyLoadContext recordTypeContext);

    /// <summary>
    /// Drops the compiled form of one condition (e.g. of a retired workflow version); its load context unloads
    /// once no other cached condition shares it. Evaluating it again simply recompiles.
    /// </summary>
    void Retire(ConditionSource source, Type recordType);
}
