using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Copies a definition into an instance's private steps, inlining sub-workflows (BC-WORKFLOW.md §1): a sub-workflow
/// step is replaced by the current version of that enabled workflow, its root taking the step's place, the step's
/// children continuing after its one end step, and jumps to the step going to its root. Inlined step ids are prefixed
/// with the sub-workflow step's id and a slash (<c>3/1</c>), so they stay unique and traceable.
/// </summary>
public static class InstanceStepExpander
{
    private const int MaxDepth = 8;

    /// <exception cref="InvalidOperationException">A sub-workflow is not enabled, nests in itself, or has no single end step while steps follow it.</exception>
    public static List<InstanceStep> Expand(Guid instanceId, WorkflowDefinition definition, Guid versionId, Func<string, EnabledWorkflow?> subWorkflows)
    {
        var steps = new List<InstanceStep>();
        AddSteps(instanceId, definition, versionId, prefix: "", rootParent: null, rootSequence: null, subWorkflows, steps, [], depth: 0);
        return steps;
    }

    /// <returns>The instance ids of the definition's root and of its one end step (null when it has several or none).</returns>
    private static (string Root, string? End) AddSteps(
        Guid instanceId, WorkflowDefinition definition, Guid versionId, string prefix, string? rootParent, int? rootSequence,
        Func<string, EnabledWorkflow?> subWorkflows, List<InstanceStep> output, HashSet<string> path, int depth)
    {
        var root = definition.Root ?? throw new InvalidOperationException("The definition has no single root step.");
        // Where a sub-workflow step's children attach (its end step) and where jumps to it land (its root).
        var endOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var entryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<InstanceStep>();
        foreach (var step in definition.Steps)
        {
            var parent = step.ParentId is null ? rootParent : prefix + step.ParentId;
            var sequence = step.ParentId is null && rootSequence is { } s ? s : step.Sequence;
            if (step.Type == StepType.SubWorkflow)
            {
                var sub = subWorkflows(step.FunctionName)
                    ?? throw new InvalidOperationException($"Step '{prefix}{step.Id}' uses sub-workflow '{step.FunctionName}', which is not enabled.");
                if (depth >= MaxDepth || !path.Add(step.FunctionName))
                {
                    throw new InvalidOperationException($"Sub-workflow '{step.FunctionName}' contains itself (through step '{prefix}{step.Id}').");
                }

                var (subRoot, subEnd) = AddSteps(
                    instanceId, sub.Definition, sub.Version.Id, $"{prefix}{step.Id}/", parent, sequence, subWorkflows, output, path, depth + 1);
                path.Remove(step.FunctionName);
                entryOf[step.Id] = subRoot;
                endOf[step.Id] = subEnd;
                continue;
            }

            var copy = new InstanceStep
            {
                Id = Guid.NewGuid(),
                InstanceId = instanceId,
                StepId = prefix + step.Id,
                ParentStepId = parent,
                NextStepId = step.NextStepId is null ? null : prefix + step.NextStepId,
                Type = step.Type,
                FunctionName = step.FunctionName,
                Sequence = sequence,
                DefinitionVersionId = versionId,
                DefinitionStepId = step.Id,
                Status = StepStatus.Inactive,
            };
            added.Add(copy);
            output.Add(copy);
        }

        foreach (var copy in added)
        {
            var localParent = copy.ParentStepId is { } p && p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : null;
            if (localParent is not null && endOf.TryGetValue(localParent, out var end))
            {
                copy.ParentStepId = end ?? throw new InvalidOperationException(
                    $"Step '{copy.StepId}' follows sub-workflow step '{prefix}{localParent}', but that sub-workflow does not end in exactly one step.");
            }

            var localNext = copy.NextStepId?[prefix.Length..];
            if (localNext is not null && entryOf.TryGetValue(localNext, out var entry))
            {
                copy.NextStepId = entry;
            }
        }

        return (prefix + root.Id, EndStep(definition) is { } last ? prefix + last : null);
    }

    /// <summary>The one step nothing follows (no children, no jump), or null when there is not exactly one.</summary>
    private static string? EndStep(WorkflowDefinition definition)
    {
        var ends = definition.Steps
            .Where(s => s.NextStepId is null && !definition.Steps.Any(c => c.ParentId == s.Id))
            .ToList();
        return ends is [var end] && end.Type != StepType.SubWorkflow ? end.Id : null;
    }
}
