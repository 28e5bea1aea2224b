using WorkflowRules.Conditions.Budget;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// A compiled condition, bound: its untyped method, closed over an instance of its generated class. The last
/// argument is the host's time budget, which the condition's own checks enforce.
/// </summary>
internal delegate bool ConditionInvoker(object record, object? previous, ConditionEvent evt, ConditionBudgetClock budget);
