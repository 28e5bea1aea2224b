using WorkflowRules.Conditions.Budget;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>The failures evaluations report, worded for the person who wrote the condition.</summary>
internal static class ConditionFailures
{
    public static ConditionFailure Invalid(IReadOnlyList<ConditionDiagnostic> diagnostics, string? subject = null)
    {
        var first = diagnostics.Count > 0 ? diagnostics[0] : new ConditionDiagnostic(1, 1, "The condition is not valid.", null);
        var more = diagnostics.Count > 1 ? $" (and {diagnostics.Count - 1} more)" : "";
        return new ConditionFailure(
            ConditionFailureKind.Invalid,
            $"{subject ?? "The condition"} is not valid: line {first.Line}, column {first.Column}: {first.Message}{more}",
            diagnostics);
    }

    public static ConditionFailure Invalid(string message) => new(ConditionFailureKind.Invalid, message);

    public static ConditionFailure Stopped(ConditionBudgetExceededException exception, TimeSpan budget) => new(
        ConditionFailureKind.Timeout,
        exception.IsRecursion
            ? "The condition recursed too deeply and was stopped: look for a function or lambda that calls itself without end."
            : $"The condition ran longer than its {budget.TotalMilliseconds:0.###} ms budget and was stopped: look for a loop that never ends or work that grows with the data.");

    public static ConditionFailure Threw(Exception exception)
    {
        var hint = exception is NullReferenceException
            ? " Check Previous (null when the event has no previous version) and optional fields for null before using them."
            : "";
        return new ConditionFailure(ConditionFailureKind.Exception, $"The condition threw {exception.GetType().Name}: {exception.Message}{hint}");
    }
}
