using WorkflowRules.Conditions;
using WorkflowRules.Persistence;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Finds the enabled workflows an occurrence starts: same entry event, condition holds. Workflows
/// are tried in code order so the outcome is deterministic; every match starts its own instance.
/// </summary>
public sealed partial class WorkflowMatcher(
    EnabledWorkflowIndex index,
    IConditionEvaluator conditions,
    ILogger<WorkflowMatcher> logger)
{
    public async Task<(List<WorkflowMatch> Matches, List<ConditionError> Errors)> MatchAsync(
        WorkflowRulesDbContext db, EventOccurrence occurrence, CancellationToken cancellationToken)
    {
        var candidates = await index.GetAsync(db, occurrence.Event.FunctionName, cancellationToken);
        var matches = new List<WorkflowMatch>();
        var errors = new List<ConditionError>();
        if (candidates.Count == 0)
        {
            return (matches, errors);
        }

        var conditionEvent = new ConditionEvent(occurrence.Event.FunctionName, occurrence.ActingUser, occurrence.OccurredAt);
        foreach (var candidate in candidates)
        {
            if (candidate.Condition is not null)
            {
                var outcome = candidate.EvaluateCondition(conditions, occurrence, conditionEvent);
                if (outcome.Failure is { } failure)
                {
                    LogConditionFailed(logger, candidate.Workflow.Code, candidate.Version.Number, failure.Message);
                    errors.Add(new ConditionError(candidate.Workflow.Code, candidate.Version.Number, failure.Message));
                    continue;
                }

                if (!outcome.Holds)
                {
                    continue;
                }
            }

            matches.Add(new WorkflowMatch(candidate.Workflow, candidate.Version, candidate.Definition));
        }

        return (matches, errors);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The condition of workflow {WorkflowCode} version {Version} could not be evaluated and the workflow was skipped: {Reason}")]
    private static partial void LogConditionFailed(ILogger logger, string workflowCode, int version, string reason);
}
