using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using WorkflowRules.Conditions;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// The condition validator with inline code's results remembered per record type: a save, its enabling check and the
/// view it answers with would otherwise check each condition three times, and a list of many workflows once per
/// condition every time. Inline code checked against a type always gives the same result; a script's file can change,
/// so scripts are checked every time. Keyed weakly by type, so a plugin's record types can still unload.
/// </summary>
internal sealed class ConditionChecks(IConditionValidator validator)
{
    // Enough for every condition of a large installation; past it, start over rather than grow without bound.
    private const int MaxPerType = 10_000;

    private readonly ConditionalWeakTable<Type, ConcurrentDictionary<string, IReadOnlyList<ConditionDiagnostic>>> _inline = [];

    public IReadOnlyList<ConditionDiagnostic> Validate(ConditionSource source, Type recordType)
    {
        if (source.ScriptName is not null || source.InlineCode is not { } code)
        {
            return validator.Validate(source, recordType);
        }

        var results = _inline.GetValue(recordType, static _ => new ConcurrentDictionary<string, IReadOnlyList<ConditionDiagnostic>>(StringComparer.Ordinal));
        if (results.TryGetValue(code, out var known))
        {
            return known;
        }

        if (results.Count >= MaxPerType)
        {
            results.Clear();
        }

        return results.GetOrAdd(code, validator.Validate(source, recordType));
    }
}
