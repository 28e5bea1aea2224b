namespace WorkflowRules.Host.Plugins;

/// <summary>A combination rule: <paramref name="Response"/> may follow <paramref name="PrecedingEvent"/>.</summary>
public sealed record ResponseAfterEventView(string PrecedingEvent, string Response);
