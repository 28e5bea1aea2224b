using Microsoft.EntityFrameworkCore;
using WorkflowRules.Conditions;
using WorkflowRules.Persistence;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>
/// Finds the enabled workflows an occurrence starts: same entry event, condition holds. Workflows
/// are tried in code order so the outcome is deterministic; every match starts its own instance.
/// </summary>
public sealed partial class WorkflowMatcher(
    WorkflowDefinitionCache definitions,
    IConditionEvaluator conditions,
    ILogger<WorkflowMatcher> logger)
{
    public async Task<(List<WorkflowMatch> Matches, List<ConditionError> Errors)> MatchAsync(
        WorkflowRulesDbContext db, EventOccurrence occurrence, CancellationToken cancellationToken)
    {
        var candidates = await db.Workflows.AsNoTracking()
            .Where(w => w.Enabled && w.EntryEvent == occurrence.Event.FunctionName && w.CurrentVersion != null)
            .Include(w => w.CurrentVersion)
            .OrderBy(w => w.Code)
            .ToListAsync(cancellationToken);

        var matches = new List<WorkflowMatch>();
        var errors = new List<ConditionError>();
        var conditionEvent = new ConditionEvent(occurrence.Event.FunctionName, occurrence.ActingUser, occurrence.OccurredAt);
        foreach (var workflow in candidates)
        {
            var version = workflow.CurrentVersion!;
            var definition = definitions.Get(version);
            var condition = definition.Root.Condition;
            if (condition is not null)
            {
                var outcome = conditions.Evaluate(
                    condition.ToSource(), occurrence.Event.RecordType.ClrType, occurrence.Record, occurrence.PreviousRecord, conditionEvent);
                if (outcome.Failure is { } failure)
                {
                    LogConditionFailed(logger, workflow.Code, version.Number, failure.Message);
                    errors.Add(new ConditionError(workflow.Code, version.Number, failure.Message));
                    continue;
                }

                if (!outcome.Holds)
                {
                    continue;
                }
            }

            matches.Add(new WorkflowMatch(workflow, version, definition));
        }

        return (matches, errors);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The condition of workflow {WorkflowCode} version {Version} could not be evaluated and the workflow was skipped: {Reason}")]
    private static partial void LogConditionFailed(ILogger logger, string workflowCode, int version, string reason);
}
