using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>Checks, evaluates and describes field-change rules (registered as a singleton by AddConditions).</summary>
public sealed class FieldChangeRuleEvaluator
{
    /// <summary>Null when <paramref name="rule"/> can hold for records of <paramref name="recordType"/>; otherwise why not, for a person.</summary>
    public string? Validate(FieldChangeRule rule, Type recordType, bool eventCarriesPreviousRecord) => throw new NotImplementedException();

    /// <summary>Whether the field changed as the rule says between <paramref name="previous"/> and <paramref name="record"/>; false without a previous record.</summary>
    public bool Holds(FieldChangeRule rule, object record, object? previous) => throw new NotImplementedException();

    /// <summary>The rule in words: "Credit Limit is increased".</summary>
    public static string Describe(FieldChangeRule rule) => throw new NotImplementedException();
}
