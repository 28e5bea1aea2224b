namespace WorkflowRules.Sdk.Conditions;

/// <summary>The event occurrence a condition is evaluated for (the <c>Event</c> variable of a condition).</summary>
/// <param name="Name">The event's function name.</param>
/// <param name="User">The acting user.</param>
/// <param name="OccurredAt">When the event happened.</param>
public sealed record ConditionEvent(string Name, string User, DateTimeOffset OccurredAt)
{
    /// <summary>The approval state of the record (also the <c>Approvals</c> variable of a condition).</summary>
    public ApprovalState Approvals { get; init; } = ApprovalState.None;
}
