using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Events;

/// <summary>Accepted (new), replayed (same idempotency key) or invalid (nothing stored, every offending field named).</summary>
public sealed record EventIntakeResult(EventOutcomeView? Outcome, bool IsReplay, IDictionary<string, string[]>? Errors)
{
    public static EventIntakeResult Accepted(EventOutcomeView outcome) => new(outcome, false, null);

    public static EventIntakeResult Replayed(EventOutcomeView outcome) => new(outcome, true, null);

    public static EventIntakeResult Invalid(string field, string message) => new(null, false, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Field errors of a record, under the request member that carried it (<c>record.lines[0].quantity</c>).</summary>
    public static EventIntakeResult Invalid(string member, IReadOnlyList<FieldError> errors) => new(null, false, errors
        .GroupBy(error => error.Path.Length == 0 ? member : $"{member}.{error.Path}")
        .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray()));
}
