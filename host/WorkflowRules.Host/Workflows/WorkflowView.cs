using System.Text.Json;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows;

/// <summary>A workflow as the API shows it: its current version's definition and whether it can run now.</summary>
public sealed record WorkflowView(
    string Code,
    string Description,
    bool Enabled,
    int? Version,
    string? EntryEvent,
    string? Condition,
    string? ConditionScript,
    IReadOnlyList<WorkflowResponseView> Responses,
    IReadOnlyList<WorkflowStepDefinition> Steps,
    bool Valid,
    IDictionary<string, string[]> Problems,
    IReadOnlyList<WorkflowVersionSummary> Versions)
{
    public static WorkflowView From(Workflow workflow, WorkflowDefinition? definition, IDictionary<string, string[]> problems)
    {
        var root = definition?.Root;
        var responses = definition?.Steps.Where(s => s.Type == StepType.Response)
            .Select(s => new WorkflowResponseView(s.Id, s.FunctionName, s.Options)).ToList() ?? [];
        return new WorkflowView(
            workflow.Code,
            workflow.Description,
            workflow.Enabled,
            workflow.CurrentVersion?.Number,
            root?.FunctionName,
            root?.Condition?.Code,
            root?.Condition?.Script,
            responses,
            definition?.Steps ?? [],
            problems.Count == 0,
            problems,
            workflow.Versions.OrderBy(v => v.Number).Select(v => new WorkflowVersionSummary(v.Number, v.CreatedAt, v.CreatedBy)).ToList());
    }
}

public sealed record WorkflowResponseView(string StepId, string Function, JsonElement? Options);

public sealed record WorkflowVersionSummary(int Number, DateTimeOffset CreatedAt, string CreatedBy);
