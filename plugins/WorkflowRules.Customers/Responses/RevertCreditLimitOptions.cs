namespace WorkflowRules.Customers.Responses;

/// <summary><see cref="RevertCreditLimitResponse"/> takes no options.</summary>
public sealed class RevertCreditLimitOptions;
