using WorkflowRules.Host.Workflows.Requests;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>One workflow of an export: its header and the steps of its current version.</summary>
public sealed record WorkflowTransferItem
{
    public string? Code { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<StepRequest?>? Steps { get; init; }
}
