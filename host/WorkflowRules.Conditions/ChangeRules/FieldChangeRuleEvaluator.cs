using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>Checks, evaluates and describes field-change rules (registered as a singleton by AddConditions).</summary>
/// <remarks>
/// Paths are resolved once per (record type, field) into delegates typed on each property, so <see cref="Holds"/>
/// takes two lock-free lookups and compares without boxing: it allocates nothing, except a box for a struct met
/// on the way down a dotted path (<c>Price.Amount</c> of a money struct). The cache is keyed weakly by type: a
/// plugin's record types can unload with their load context.
/// </remarks>
public sealed class FieldChangeRuleEvaluator
{
    private static readonly ConditionalWeakTable<Type, ConcurrentDictionary<string, FieldPath>>.CreateValueCallback NewPaths =
        static _ => new ConcurrentDictionary<string, FieldPath>(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<Type, ConcurrentDictionary<string, FieldPath>> _paths = [];

    /// <summary>Null when <paramref name="rule"/> can hold for records of <paramref name="recordType"/>; otherwise why not, for a person.</summary>
    /// <remarks>
    /// Refuses a blank field, an unknown field or dotted-path segment (listing the fields there are), Increased or
    /// Decreased on a value without a size (text, yes/no, identifiers), Changed on a collection or on an object
    /// compared by identity (every new copy of the record would count as a change), and any rule when
    /// <paramref name="eventCarriesPreviousRecord"/> is false (it could never hold).
    /// </remarks>
    public string? Validate(FieldChangeRule rule, Type recordType, bool eventCarriesPreviousRecord)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recordType);
        if (string.IsNullOrWhiteSpace(rule.Field))
        {
            return FieldChangeMessages.Blank(recordType);
        }

        if (Resolve(recordType, rule.Field, out var problem) is not { } path)
        {
            return problem;
        }

        var kindProblem = rule.Change switch
        {
            FieldChange.Increased or FieldChange.Decreased when !path.CanOrder => FieldChangeMessages.Unordered(rule, recordType, path.ValueType),
            FieldChange.Changed when FieldValueKinds.IsCollection(path.ValueType) => FieldChangeMessages.Collection(rule, recordType, path.ValueType),
            FieldChange.Changed when FieldValueKinds.ComparesByIdentity(path.ValueType) => FieldChangeMessages.IdentityObject(rule, recordType, path.ValueType),
            FieldChange.Changed or FieldChange.Increased or FieldChange.Decreased => null,
            _ => FieldChangeMessages.UnknownChange(rule, recordType),
        };
        return kindProblem ?? (eventCarriesPreviousRecord ? null : FieldChangeMessages.NoPrevious(rule, recordType));
    }

    /// <summary>Whether the field changed as the rule says between <paramref name="previous"/> and <paramref name="record"/>; false without a previous record.</summary>
    /// <remarks>
    /// Changed: the values are not equal (null to a value counts). Increased/Decreased: both values are present and
    /// compare greater/less. A null object on the way down a dotted path makes the value null.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The rule does not fit the record's type (unknown field, or a size comparison on a value without one): what
    /// <see cref="Validate"/> reports, e.g. after a plugin update removed the field.
    /// </exception>
    public bool Holds(FieldChangeRule rule, object record, object? previous)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(record);
        if (previous is null)
        {
            return false;
        }

        var recordType = record.GetType();
        if (rule.Field is null
            || !_paths.TryGetValue(recordType, out var paths)
            || !paths.TryGetValue(rule.Field, out var path))
        {
            path = string.IsNullOrWhiteSpace(rule.Field)
                ? throw new ArgumentException(FieldChangeMessages.Blank(recordType), nameof(rule))
                : Resolve(recordType, rule.Field, out var problem) ?? throw new ArgumentException(problem, nameof(rule));
        }

        if (!recordType.IsInstanceOfType(previous) && !previous.GetType().IsInstanceOfType(record))
        {
            throw new ArgumentException(FieldChangeMessages.Unrelated(recordType, previous.GetType()), nameof(previous));
        }

        return rule.Change switch
        {
            FieldChange.Changed => path.Holds(FieldChange.Changed, record, previous),
            FieldChange.Increased or FieldChange.Decreased when path.CanOrder => path.Holds(rule.Change, record, previous),
            FieldChange.Increased or FieldChange.Decreased => throw new ArgumentException(FieldChangeMessages.Unordered(rule, recordType, path.ValueType), nameof(rule)),
            _ => throw new ArgumentException(FieldChangeMessages.UnknownChange(rule, recordType), nameof(rule)),
        };
    }

    /// <summary>The rule in words: "Credit Limit is increased", "Address › City has changed".</summary>
    public static string Describe(FieldChangeRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var change = rule.Change switch
        {
            FieldChange.Changed => "has changed",
            FieldChange.Increased => "is increased",
            FieldChange.Decreased => "is decreased",
            _ => $"changes as {(int)rule.Change}",
        };
        return $"{FieldWords.Of(rule.Field)} {change}";
    }

    /// <summary>The resolved path, cached when it resolves; a problem is worked out again each time (it is rare and cheap).</summary>
    private FieldPath? Resolve(Type recordType, string field, out string? problem)
    {
        var paths = _paths.GetValue(recordType, NewPaths);
        if (paths.TryGetValue(field, out var path))
        {
            problem = null;
            return path;
        }

        path = FieldPathResolver.Resolve(recordType, field, out problem);
        return path is null ? null : paths.GetOrAdd(field, path);
    }
}
