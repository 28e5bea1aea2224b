using Microsoft.AspNetCore.Http.HttpResults;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>What a write did: the workflow as saved, or the problem that stopped it (nothing saved then).</summary>
public sealed record EditResult(Workflow? Workflow, ProblemHttpResult? Problem)
{
    public static EditResult Done(Workflow workflow) => new(workflow, null);

    public static EditResult Failed(ProblemHttpResult problem) => new(null, problem);
}
