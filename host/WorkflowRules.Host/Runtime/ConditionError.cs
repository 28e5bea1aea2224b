namespace WorkflowRules.Host.Runtime;

/// <summary>A workflow that was skipped because its condition could not be evaluated.</summary>
public sealed record ConditionError(string WorkflowCode, int Version, string Message);
