using System.Text.Json;
using WorkflowRules.Host.Workflows;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Plugins;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Host.Templates;

/// <summary>
/// The one place a plugin's template becomes a step tree: the simple shape (condition and a chain of responses) laid
/// out as <see cref="WorkflowDefinitionFactory"/> lays out the simple request shape, or the full tree step by step.
/// </summary>
public static class TemplateDefinitionConverter
{
    public static WorkflowDefinition Convert(TemplateDescriptor template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Steps.Count == 0)
        {
            return WorkflowDefinitionFactory.Create(new WorkflowRequest
            {
                EntryEvent = template.EntryEvent,
                Condition = template.Condition,
                Responses = [.. template.Responses.Select(r => new WorkflowResponseRequest(r.FunctionName, r.Options))],
            });
        }

        return new WorkflowDefinition([.. template.Steps.OfType<TemplateStep>().Select(Convert)]);
    }

    private static WorkflowStepDefinition Convert(TemplateStep step) =>
        new(step.Id, Convert(step.Type), step.FunctionName, string.IsNullOrWhiteSpace(step.ParentId) ? null : step.ParentId, step.Sequence)
        {
            NextStepId = string.IsNullOrWhiteSpace(step.NextStepId) ? null : step.NextStepId,
            Condition = string.IsNullOrWhiteSpace(step.Condition) && string.IsNullOrWhiteSpace(step.ConditionScript) && step.ChangeRules is not { Count: > 0 }
                ? null
                : new ConditionDefinition(
                    string.IsNullOrWhiteSpace(step.Condition) ? null : step.Condition,
                    string.IsNullOrWhiteSpace(step.ConditionScript) ? null : step.ConditionScript)
                {
                    ChangeRules = step.ChangeRules is { Count: > 0 } rules ? [.. rules] : null,
                },
            Options = Options(step.OptionsJson),
        };

    private static StepType Convert(TemplateStepType type) => type switch
    {
        TemplateStepType.Event => StepType.Event,
        TemplateStepType.Response => StepType.Response,
        TemplateStepType.SubWorkflow => StepType.SubWorkflow,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a template step type."),
    };

    /// <summary>The options as JSON; text that is not JSON is kept as a string, so the problem shows instead of vanishing.</summary>
    private static JsonElement? Options(string? optionsJson)
    {
        if (string.IsNullOrWhiteSpace(optionsJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(optionsJson);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(optionsJson);
        }
    }
}
