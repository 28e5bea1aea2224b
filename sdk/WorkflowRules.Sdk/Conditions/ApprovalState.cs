namespace WorkflowRules.Sdk.Conditions;

/// <summary>
/// The approval entries of the record a condition is evaluated for (the <c>Approvals</c> variable of a condition), so
/// a workflow can tell "the last approval is done" (<c>Approvals.Pending == 0</c>) from "more to go".
/// </summary>
/// <param name="Pending">Entries still waiting (created or open) for this record in this instance; 0 when the condition starts an instance.</param>
/// <param name="Approved">Entries approved for this record in this instance.</param>
/// <param name="Rejected">Entries rejected for this record in this instance.</param>
/// <param name="PendingForRecord">Entries still waiting for this record in any instance.</param>
public sealed record ApprovalState(int Pending, int Approved, int Rejected, int PendingForRecord)
{
    /// <summary>No approval entries at all.</summary>
    public static ApprovalState None { get; } = new(0, 0, 0, 0);
}
