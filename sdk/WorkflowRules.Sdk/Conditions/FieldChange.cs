namespace WorkflowRules.Sdk.Conditions;

/// <summary>How a field must have changed, compared with the previous version of the record, for a change rule to hold.</summary>
public enum FieldChange
{
    /// <summary>The value differs from the previous one.</summary>
    Changed = 0,

    /// <summary>The value is greater than the previous one (numbers, dates, anything comparable).</summary>
    Increased = 1,

    /// <summary>The value is less than the previous one.</summary>
    Decreased = 2,
}
