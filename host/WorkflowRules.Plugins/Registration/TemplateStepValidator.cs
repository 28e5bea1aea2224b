using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks what each step of a template's tree says: the function it names is of its kind, and it carries only what
/// its kind takes — a condition (or script) and change rules on an event, options (a JSON object the response accepts)
/// on a response, a workflow code on a sub-workflow.
/// </summary>
internal static class TemplateStepValidator
{
    public static void Validate(WorkflowTemplate template, string code, TemplateFunctions functions, RegistrationProblems problems)
    {
        if (!string.IsNullOrWhiteSpace(template.Condition) || template.Responses is { Count: > 0 })
        {
            problems.Add($"Template {code} gives Steps, so its Condition and Responses must be empty: put the condition on the root step and the responses in the tree.");
        }

        TemplateTreeValidator.Validate(template, code, problems);
        foreach (var step in template.Steps.Where(s => s is not null))
        {
            var where = $"Template {code}, step '{step.Id}'";
            switch (step.Type)
            {
                case TemplateStepType.Event:
                    ValidateEvent(step, where, functions, problems);
                    break;
                case TemplateStepType.Response:
                    RefuseCondition(step, where, "a response", problems);
                    problems.Messages.AddRange(functions.ValidateOptions(step.FunctionName, step.OptionsJson).Select(e => $"{where} ({step.FunctionName}): {e}"));
                    break;
                case TemplateStepType.SubWorkflow:
                    RefuseCondition(step, where, "a sub-workflow", problems);
                    RefuseOptions(step, where, "a sub-workflow", problems);
                    if (!Names.TemplateCode().IsMatch(step.FunctionName ?? ""))
                    {
                        problems.Add($"{where}: '{step.FunctionName}' is not a workflow code (up to 20 upper-case letters, digits, '-' or '_').");
                    }

                    break;
                default:
                    problems.Add($"{where} has the unknown step type {(int)step.Type}: use Event, Response or SubWorkflow.");
                    break;
            }
        }
    }

    private static void ValidateEvent(TemplateStep step, string where, TemplateFunctions functions, RegistrationProblems problems)
    {
        RefuseOptions(step, where, "an event", problems);
        if (!string.IsNullOrWhiteSpace(step.Condition) && !string.IsNullOrWhiteSpace(step.ConditionScript))
        {
            problems.Add($"{where}: give either Condition or ConditionScript, not both.");
        }

        if (functions.FindEvent(step.FunctionName) is not { } descriptor)
        {
            problems.Add($"{where}: {step.FunctionName} is not an event of this or any loaded plugin.");
            return;
        }

        ChangeRuleValidator.Validate(step, where, descriptor, problems);
    }

    private static void RefuseCondition(TemplateStep step, string where, string kind, RegistrationProblems problems)
    {
        if (!string.IsNullOrWhiteSpace(step.Condition) || !string.IsNullOrWhiteSpace(step.ConditionScript) || step.ChangeRules is { Count: > 0 })
        {
            problems.Add($"{where} is {kind}: conditions and change rules belong on event steps.");
        }
    }

    private static void RefuseOptions(TemplateStep step, string where, string kind, RegistrationProblems problems)
    {
        if (!string.IsNullOrWhiteSpace(step.OptionsJson))
        {
            problems.Add($"{where} is {kind}: options belong on response steps.");
        }
    }
}
