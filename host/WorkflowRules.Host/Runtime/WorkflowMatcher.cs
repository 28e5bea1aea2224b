using WorkflowRules.Persistence;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Finds the enabled workflows an occurrence starts: same entry event, condition holds. Workflows are tried in code
/// order so the outcome is deterministic; every match starts its own instance.
/// </summary>
public sealed partial class WorkflowMatcher(StepConditionEvaluator evaluator, ILogger<WorkflowMatcher> logger)
{
    public async Task<List<WorkflowMatch>> MatchAsync(
        WorkflowRulesDbContext db, EnabledWorkflowSet enabled, EventOccurrence occurrence, List<ConditionError> errors, CancellationToken cancellationToken)
    {
        var matches = new List<WorkflowMatch>();
        if (!enabled.ByEntryEvent.TryGetValue(occurrence.Event.FunctionName, out var candidates))
        {
            return matches;
        }

        var conditionEvent = new ConditionEvent(occurrence.Event.FunctionName, occurrence.ActingUser, occurrence.OccurredAt);
        if (candidates.Any(c => c.EntryCondition?.ReadsApprovals == true))
        {
            // A new instance has no entries of its own yet; the record may have some from other instances.
            var state = await ApprovalStateReader.ReadAsync(db, occurrence.Event.RecordType.Name, occurrence.RecordKey, instanceId: null, cancellationToken);
            conditionEvent = conditionEvent with { Approvals = state };
        }

        foreach (var candidate in candidates)
        {
            var outcome = evaluator.Evaluate(candidate.EntryCondition, occurrence, conditionEvent, candidate.BoundCondition);
            if (outcome.Failure is { } failure)
            {
                LogConditionFailed(logger, candidate.Workflow.Code, candidate.Version.Number, failure.Message);
                errors.Add(new ConditionError(candidate.Workflow.Code, candidate.Version.Number, failure.Message));
                continue;
            }

            if (outcome.Holds)
            {
                matches.Add(new WorkflowMatch(candidate.Workflow, candidate.Version, candidate.Definition));
            }
        }

        return matches;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The condition of workflow {WorkflowCode} version {Version} could not be evaluated and the workflow was skipped: {Reason}")]
    private static partial void LogConditionFailed(ILogger logger, string workflowCode, int version, string reason);
}
