using System.Diagnostics.CodeAnalysis;
using System.Runtime.Loader;
using WorkflowRules.Conditions.Budget;
using WorkflowRules.Conditions.Scripts;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Evaluates cached conditions under the time budget. The success path is an identity lookup, two thread-local
/// writes and a delegate call: no allocation, no lock, and no clock read unless the condition loops or calls
/// lambdas hundreds of times.
/// </summary>
internal sealed class ConditionEvaluator(ConditionCache cache, ConditionScriptCatalog scripts, TimeProvider clock, TimeSpan budget) : IConditionEvaluator
{
    private readonly long _budgetTicks = Math.Max(1, (long)(budget.TotalSeconds * clock.TimestampFrequency));

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

        if (!recordType.IsInstanceOfType(record) || (previous is not null && !recordType.IsInstanceOfType(previous)))
        {
            return ConditionOutcome.Failed(ConditionFailures.Invalid(
                $"The condition is written against {recordType.FullName} but was given a {(recordType.IsInstanceOfType(record) ? previous! : record).GetType().FullName}."));
        }

        var compiled = cache.GetOrCompile(code, recordType);
        if (compiled.Invoke is not { } invoke)
        {
            return ConditionOutcome.Failed(compiled.Failure!);
        }

        ConditionBudget.Begin(clock, _budgetTicks);
        try
        {
            return invoke(record, previous, evt) ? ConditionOutcome.True : ConditionOutcome.False;
        }
        catch (ConditionBudgetExceededException e)
        {
            return ConditionOutcome.Failed(ConditionFailures.Stopped(e, budget));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the user's code threw is the user's problem to fix, never the host's to crash on.
            return ConditionOutcome.Failed(ConditionFailures.Threw(e));
        }
        finally
        {
            ConditionBudget.End();
        }
    }

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
