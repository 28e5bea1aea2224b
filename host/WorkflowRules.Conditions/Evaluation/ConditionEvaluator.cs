using System.Diagnostics.CodeAnalysis;
using System.Runtime.Loader;
using WorkflowRules.Conditions.Scripts;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Evaluates cached conditions under the time budget. <see cref="Evaluate"/> finds the condition by an identity
/// lookup on every call; <see cref="Bind"/> gives a <see cref="ConditionHandle"/> that holds the compiled delegate
/// and skips the lookup. Either way the success path allocates nothing, takes no lock, and reads no clock unless
/// the condition loops or calls lambdas hundreds of times.
/// </summary>
internal sealed class ConditionEvaluator(ConditionCache cache, ConditionScriptCatalog scripts, ConditionRunner runner) : IConditionEvaluator
{
    public ConditionOutcome Evaluate(ConditionSource source, Type recordType, object record, object? previous, ConditionEvent evt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordType);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(evt);

        if (!TryGetCode(source, recordType, out var code, out var failure))
        {
            return ConditionOutcome.Failed(failure);
        }

        if (MismatchedRecord(recordType, record, previous) is { } mismatch)
        {
            return ConditionOutcome.Failed(mismatch);
        }

        var compiled = cache.GetOrCompile(code, recordType);
        return compiled.Invoke is { } invoke
            ? runner.Run(invoke, record, previous, evt)
            : ConditionOutcome.Failed(compiled.Failure!);
    }

    public ConditionHandle Bind(ConditionSource source, Type recordType)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordType);
        return new ConditionHandle(this, cache, runner, source, recordType);
    }

    /// <summary>What <paramref name="source"/> stands for now: the compiled delegate (compiling it if needed) or the failure.</summary>
    internal ConditionBinding Resolve(ConditionSource source, Type recordType)
    {
        // Read first: a retire racing with this resolve moves the generation past it, so the handle resolves again.
        var generation = cache.Generation;
        if (!TryGetCode(source, recordType, out var code, out var failure))
        {
            // A malformed source never changes; a missing or broken script may be fixed on disk any moment.
            return new ConditionBinding(generation, null, failure, Settled: !source.IsWellFormed);
        }

        var compiled = cache.GetOrCompile(code, recordType);
        return new ConditionBinding(generation, compiled.Invoke, compiled.Failure, Settled: true);
    }

    /// <summary>The failure to report when a record (or previous version) is not of the condition's record type.</summary>
    internal static ConditionFailure? MismatchedRecord(Type recordType, object record, object? previous) =>
        recordType.IsInstanceOfType(record) && (previous is null || recordType.IsInstanceOfType(previous))
            ? null
            : ConditionFailures.Invalid(
                $"The condition is written against {recordType.FullName} but was given a {(recordType.IsInstanceOfType(record) ? previous! : record).GetType().FullName}.");

    public void Prepare(IReadOnlyList<(ConditionSource Source, Type RecordType)> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var codes = new List<(string, Type)>();
        foreach (var (source, recordType) in conditions)
        {
            if (TryGetCode(source, recordType, out var code, out _))
            {
                codes.Add((code, recordType));
            }
        }

        cache.Prepare(codes);
    }

    public void Forget(AssemblyLoadContext recordTypeContext)
    {
        ArgumentNullException.ThrowIfNull(recordTypeContext);
        cache.Forget(recordTypeContext);
    }

    public void Retire(ConditionSource source, Type recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        if (source?.IsWellFormed == true && source.InlineCode is { Length: > 0 } code && string.IsNullOrWhiteSpace(source.ScriptName))
        {
            cache.Retire(code, recordType);
        }

        // A script's version in use is shared by every workflow naming it: it retires when the file changes, not here.
    }

    private bool TryGetCode(ConditionSource source, Type recordType, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out ConditionFailure? failure)
    {
        code = null;
        failure = null;
        var hasInline = !string.IsNullOrWhiteSpace(source.InlineCode);
        if (hasInline == !string.IsNullOrWhiteSpace(source.ScriptName))
        {
            failure = ConditionFailures.Invalid("A condition is either inline code or the name of a script, not both and not neither.");
            return false;
        }

        if (hasInline)
        {
            code = source.InlineCode!;
            return true;
        }

        var name = source.ScriptName!;
        if (scripts.Find(name) is not { } script)
        {
            failure = new ConditionFailure(ConditionFailureKind.ScriptMissing,
                $"There is no condition script '{name}' in {scripts.Directory} ({scripts.KnownNames()}).");
            return false;
        }

        if (script.InUseCode is null)
        {
            failure = script.Unusable!;
            return false;
        }

        if (!scripts.Fits(script.InUseRecordType, recordType))
        {
            failure = ConditionFailures.Invalid(
                $"Condition script '{name}' is written against {script.InUseRecordType}, but this event's record is a {recordType.Name}.");
            return false;
        }

        code = script.InUseCode;
        return true;
    }
}
