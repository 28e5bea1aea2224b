using WorkflowRules.Conditions.Budget;
using WorkflowRules.Conditions.Evaluation;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions;

/// <summary>
/// One condition bound to one record type by <see cref="IConditionEvaluator.Bind"/>, for callers that evaluate it
/// again and again (the engine keeps one per condition of a cached workflow version). It holds the compiled
/// delegate itself, so an evaluation does no hashing and no lookup: a generation compare and the call (whose entry
/// casts check the record types) under the budget. It stays correct as things change: after a retire, a forget or a script edit it
/// resolves again (recompiling if needed) on its next evaluation. Thread-safe.
/// </summary>
/// <remarks>
/// A handle keeps its compiled code (and so its load context and the record type) alive while it is reachable:
/// drop handles along with the workflow version they belong to, and rebind after a plugin reload.
/// </remarks>
public sealed class ConditionHandle
{
    private readonly ConditionEvaluator _evaluator;
    private readonly ConditionCache _cache;
    private readonly ConditionRunner _runner;
    private readonly ConditionBudgetClock _budget;
    private volatile ConditionBinding _binding = ConditionBinding.Unresolved;

    internal ConditionHandle(ConditionEvaluator evaluator, ConditionCache cache, ConditionRunner runner, ConditionSource source, Type recordType)
    {
        _evaluator = evaluator;
        _cache = cache;
        _runner = runner;
        _budget = runner.Budget;
        Source = source;
        RecordType = recordType;
    }

    public ConditionSource Source { get; }

    public Type RecordType { get; }

    /// <summary>
    /// Same contract as <see cref="IConditionEvaluator.Evaluate"/>: whether the condition holds for
    /// <paramref name="record"/> (and its <paramref name="previous"/> version, null when there is none); problems
    /// of the user's code come back as <see cref="ConditionOutcome.Failure"/>, never as exceptions.
    /// </summary>
    public ConditionOutcome Evaluate(object record, object? previous, ConditionEvent evt)
    {
        var binding = _binding;
        if (binding.Invoke is { } invoke && binding.Generation == _cache.Generation && record is not null && evt is not null)
        {
            // ConditionRunner.Run, written out: one call less on the path every evaluation takes. The record types are
            // checked by the compiled code's casts, where the type is a constant (one compare); reading the types here
            // cost a call each.
            try
            {
                return invoke(record, previous, evt, _budget) ? ConditionOutcome.True : ConditionOutcome.False;
            }
            catch (InvalidCastException) when (ConditionEvaluator.MismatchedRecord(RecordType, record, previous) is not null)
            {
                // The entry casts refused a record of another type: the caller's mistake, reported like any other.
                return EvaluateChecked(record, previous, evt);
            }
            catch (Exception e) when (ConditionRunner.IsTheConditions(e))
            {
                return _runner.Failed(e);
            }
        }

        return EvaluateChecked(record!, previous, evt!);
    }

    private ConditionOutcome EvaluateChecked(object record, object? previous, ConditionEvent evt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(evt);

        var binding = _binding;
        if (binding.Generation != _cache.Generation || !binding.Settled)
        {
            binding = _evaluator.Resolve(Source, RecordType);
            _binding = binding;
        }

        if (binding.Invoke is not { } invoke)
        {
            return ConditionOutcome.Failed(binding.Failure!);
        }

        return ConditionEvaluator.MismatchedRecord(RecordType, record, previous) is { } mismatch
            ? ConditionOutcome.Failed(mismatch)
            : _runner.Run(invoke, record, previous, evt);
    }
}
