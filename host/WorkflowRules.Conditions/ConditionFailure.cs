namespace WorkflowRules.Conditions;

/// <summary>Why a condition gave no answer, with a message a person can act on.</summary>
/// <param name="Kind">The category, for metrics and decisions (e.g. retry never helps an <see cref="ConditionFailureKind.Invalid"/> one).</param>
/// <param name="Message">What happened and what to change.</param>
/// <param name="Diagnostics">For <see cref="ConditionFailureKind.Invalid"/>: the errors with their positions; empty otherwise.</param>
public sealed record ConditionFailure(ConditionFailureKind Kind, string Message, IReadOnlyList<ConditionDiagnostic> Diagnostics)
{
    public ConditionFailure(ConditionFailureKind kind, string message)
        : this(kind, message, [])
    {
    }
}
