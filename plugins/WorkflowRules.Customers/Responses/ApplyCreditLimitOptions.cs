namespace WorkflowRules.Customers.Responses;

/// <summary><see cref="ApplyCreditLimitResponse"/> takes no options.</summary>
public sealed class ApplyCreditLimitOptions;
