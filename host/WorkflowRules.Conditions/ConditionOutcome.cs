namespace WorkflowRules.Conditions;

/// <summary>
/// The answer of one evaluation. A struct so that evaluating allocates nothing; <see cref="Holds"/> is false
/// whenever <see cref="Failure"/> is set.
/// </summary>
public readonly record struct ConditionOutcome(bool Holds, ConditionFailure? Failure)
{
    public static ConditionOutcome True => new(true, null);

    public static ConditionOutcome False => new(false, null);

    public static ConditionOutcome Failed(ConditionFailure failure) => new(false, failure);

    public bool Succeeded => Failure is null;
}
