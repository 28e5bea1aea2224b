namespace WorkflowRules.Sdk.Responses;

/// <summary>Identifies the step a response runs for.</summary>
/// <param name="InstanceId">The workflow instance.</param>
/// <param name="WorkflowCode">The workflow's code.</param>
/// <param name="WorkflowVersion">The published version the instance runs on.</param>
/// <param name="StepId">The step inside the workflow definition.</param>
public sealed record WorkflowStepInfo(Guid InstanceId, string WorkflowCode, int WorkflowVersion, string StepId);
