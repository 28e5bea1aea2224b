using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>A field or dotted path resolved against one record type: one accessor per segment.</summary>
internal sealed class FieldPath(FieldAccessor[] segments, Type valueType)
{
    /// <summary>The declared type of the last segment.</summary>
    public Type ValueType { get; } = valueType;

    /// <summary>Whether values of the field have a size, so Increased and Decreased mean something.</summary>
    public bool CanOrder { get; } = FieldValueKinds.CanOrder(valueType);

    public bool Holds(FieldChange change, object record, object previous)
    {
        object? current = record;
        object? before = previous;
        var last = segments.Length - 1;
        for (var i = 0; i < last; i++)
        {
            // A null object on the way down means the field's value is null.
            current = current is null ? null : segments[i].Read(current);
            before = before is null ? null : segments[i].Read(before);
        }

        return segments[last].Holds(change, current, before);
    }
}
