using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>Writes a definition's step as <see cref="StepRequestReader"/> reads it: every field, so export then import loses nothing.</summary>
public static class StepRequestWriter
{
    public static StepRequest Write(WorkflowStepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new StepRequest
        {
            Id = step.Id,
            Type = step.Type.ToString(),
            Function = step.FunctionName,
            ParentId = step.ParentId,
            Sequence = step.Sequence,
            NextStepId = step.NextStepId,
            Condition = step.Condition is not { } condition ? null : new ConditionRequest
            {
                Code = condition.Code,
                Script = condition.Script,
                ChangeRules = condition.ChangeRules?.Select(r => new ChangeRuleRequest { Field = r.Field, Change = r.Change.ToString() }).ToList(),
            },
            Options = step.Options,
        };
    }
}
