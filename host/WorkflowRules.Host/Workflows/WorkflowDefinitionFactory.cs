using System.Globalization;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Workflows;

/// <summary>Turns the simple request shape into a step tree: the entry event, then each response under the previous step.</summary>
public static class WorkflowDefinitionFactory
{
    public const string EntryStepId = "1";

    /// <summary>The tree of a simple-shape request whose fields were checked (entry event and every response function given).</summary>
    public static WorkflowDefinition Create(WorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var condition = string.IsNullOrWhiteSpace(request.Condition) && string.IsNullOrWhiteSpace(request.ConditionScript)
            ? null
            : new ConditionDefinition(NullIfBlank(request.Condition), NullIfBlank(request.ConditionScript)?.Trim());
        var steps = new List<WorkflowStepDefinition>
        {
            new(EntryStepId, StepType.Event, request.EntryEvent!.Trim(), ParentId: null, Sequence: 1) { Condition = condition },
        };
        var parent = EntryStepId;
        foreach (var response in request.Responses ?? [])
        {
            var id = (steps.Count + 1).ToString(CultureInfo.InvariantCulture);
            steps.Add(new WorkflowStepDefinition(id, StepType.Response, response!.Function!.Trim(), parent, Sequence: 1) { Options = response.Options });
            parent = id;
        }

        return new WorkflowDefinition(steps);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
