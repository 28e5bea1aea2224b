namespace WorkflowRules.Persistence.Approvals;

public enum ApprovalEntryStatus
{
    /// <summary>Waiting for its sequence to be sent.</summary>
    Created = 0,

    /// <summary>Sent to the approver, waiting for an answer.</summary>
    Open = 1,

    Approved = 2,
    Rejected = 3,
    Canceled = 4,
}
