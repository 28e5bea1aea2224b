using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Evaluation;

namespace WorkflowRules.Conditions.CompiledCache;

/// <summary>
/// What the compiled cache had, per requested condition in request order: its delegate and the context its
/// assembly was loaded into, or nulls for a miss.
/// </summary>
internal sealed record LoadedConditions(ConditionInvoker?[] Invokes, ConditionLoadContext?[] Contexts)
{
    public int Count => Invokes.Count(i => i is not null);
}
