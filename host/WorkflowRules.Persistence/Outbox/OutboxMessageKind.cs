namespace WorkflowRules.Persistence.Outbox;

public enum OutboxMessageKind
{
    /// <summary>Run the instance's pending responses, then its queued events.</summary>
    RunInstance = 0,
}
