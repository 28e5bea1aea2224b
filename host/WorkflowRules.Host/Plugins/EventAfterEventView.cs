namespace WorkflowRules.Host.Plugins;

/// <summary>A combination rule: <paramref name="FollowingEvent"/> may follow <paramref name="PrecedingEvent"/>.</summary>
public sealed record EventAfterEventView(string PrecedingEvent, string FollowingEvent);
