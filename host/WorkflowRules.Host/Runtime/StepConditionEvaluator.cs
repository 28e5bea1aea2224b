using WorkflowRules.Conditions;
using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>Evaluates a step's condition for an occurrence: the change rules first (cheap), then the C#.</summary>
public sealed class StepConditionEvaluator(IConditionEvaluator conditions, FieldChangeRuleEvaluator changeRules)
{
    /// <param name="condition">The condition; null holds.</param>
    /// <param name="occurrence">The event occurrence whose record (and previous record) the condition reads.</param>
    /// <param name="conditionEvent">The <c>Event</c> (and <c>Approvals</c>) variable.</param>
    /// <param name="bound">The condition already bound to the occurrence's record type, when the caller keeps one.</param>
    public ConditionOutcome Evaluate(StepCondition? condition, EventOccurrence occurrence, ConditionEvent conditionEvent, ConditionHandle? bound = null)
    {
        if (condition is null)
        {
            return ConditionOutcome.True;
        }

        foreach (var rule in condition.ChangeRules)
        {
            try
            {
                if (!changeRules.Holds(rule, occurrence.Record, occurrence.PreviousRecord))
                {
                    return ConditionOutcome.False;
                }
            }
            catch (ArgumentException exception)
            {
                // The rule was valid when saved, but the record type changed under it (a plugin update removed the field).
                return ConditionOutcome.Failed(new ConditionFailure(ConditionFailureKind.Invalid, exception.Message));
            }
        }

        if (condition.Source is not { } source)
        {
            return ConditionOutcome.True;
        }

        var recordType = occurrence.Event.RecordType.ClrType;
        return bound is not null && bound.RecordType == recordType
            ? bound.Evaluate(occurrence.Record, occurrence.PreviousRecord, conditionEvent)
            // Not bound, or bound before a plugin reload: look it up (compiled once, cached).
            : conditions.Evaluate(source, recordType, occurrence.Record, occurrence.PreviousRecord, conditionEvent);
    }
}
