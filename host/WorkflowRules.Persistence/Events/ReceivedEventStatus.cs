namespace WorkflowRules.Persistence.Events;

public enum ReceivedEventStatus
{
    /// <summary>Stored but not matched yet (events raised by responses wait for their instance's chain to finish).</summary>
    Pending = 0,

    /// <summary>Matched; <see cref="ReceivedEvent"/> started or moved at least one instance.</summary>
    Handled = 1,

    /// <summary>Matched against every enabled workflow; none reacted.</summary>
    Unmatched = 2,
}
