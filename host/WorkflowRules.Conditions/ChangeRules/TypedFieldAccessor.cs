using System.Diagnostics;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>The comparisons of a field-change rule on values of type <typeparamref name="TValue"/>, without boxing.</summary>
internal abstract class TypedFieldAccessor<TValue> : FieldAccessor
{
    private static readonly bool IsNullableStruct = Nullable.GetUnderlyingType(typeof(TValue)) is not null;

    /// <summary>The value of the property of <paramref name="owner"/> (never null).</summary>
    protected abstract TValue Get(object owner);

    public sealed override object? Read(object owner) => Get(owner);

    public sealed override bool Holds(FieldChange change, object? currentOwner, object? previousOwner)
    {
        var hasCurrent = TryGet(currentOwner, out var current);
        var hasPrevious = TryGet(previousOwner, out var previous);
        return change switch
        {
            // Null to a value (or back) is a change; two nulls are not.
            FieldChange.Changed => hasCurrent != hasPrevious || (hasCurrent && !EqualityComparer<TValue>.Default.Equals(current, previous)),
            // A value that appears or disappears has no size to compare.
            FieldChange.Increased => hasCurrent && hasPrevious && Comparer<TValue>.Default.Compare(current, previous) > 0,
            FieldChange.Decreased => hasCurrent && hasPrevious && Comparer<TValue>.Default.Compare(current, previous) < 0,
            _ => throw new UnreachableException($"Field change {change} was not checked."),
        };
    }

    private bool TryGet(object? owner, out TValue value)
    {
        if (owner is null)
        {
            value = default!;
            return false;
        }

        value = Get(owner);
        return !IsNull(value);
    }

    // Not "value is null" on every type: unoptimized (tier-0) code boxes a struct to compare it with null.
    private static bool IsNull(TValue value) =>
        typeof(TValue).IsValueType
            ? IsNullableStruct && EqualityComparer<TValue>.Default.Equals(value, default)
            : value is null;
}
