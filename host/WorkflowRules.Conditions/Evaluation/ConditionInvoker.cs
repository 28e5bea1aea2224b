using WorkflowRules.Conditions.Budget;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// A compiled condition's untyped entry point (a closed delegate to the generated class's <c>EvaluateUntyped</c>):
/// casts the records, runs the condition on the calling thread's frame under <paramref name="limit"/>.
/// </summary>
internal delegate bool ConditionInvoker(object record, object? previous, ConditionEvent evt, ConditionBudgetLimit limit);
