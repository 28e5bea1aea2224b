using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Approvals;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Host.Runtime;

/// <summary>Counts a record's approval entries for the <c>Approvals</c> variable of conditions, in one query.</summary>
public static class ApprovalStateReader
{
    public static async Task<ApprovalState> ReadAsync(
        WorkflowRulesDbContext db, string recordType, string recordKey, Guid? instanceId, CancellationToken cancellationToken)
    {
        var counts = await db.ApprovalEntries.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordKey == recordKey)
            .GroupBy(e => new { Mine = instanceId != null && e.InstanceId == instanceId, e.Status })
            .Select(g => new { g.Key.Mine, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        static bool IsPending(ApprovalEntryStatus status) => status is ApprovalEntryStatus.Created or ApprovalEntryStatus.Open;
        return new ApprovalState(
            Pending: counts.Where(c => c.Mine && IsPending(c.Status)).Sum(c => c.Count),
            Approved: counts.Where(c => c.Mine && c.Status == ApprovalEntryStatus.Approved).Sum(c => c.Count),
            Rejected: counts.Where(c => c.Mine && c.Status == ApprovalEntryStatus.Rejected).Sum(c => c.Count),
            PendingForRecord: counts.Where(c => IsPending(c.Status)).Sum(c => c.Count));
    }

    /// <summary>Whether a condition's text reads the approval state at all; the query is skipped for the many that do not.</summary>
    public static bool IsReadBy(string? conditionCode) =>
        conditionCode is not null && conditionCode.Contains("Approvals", StringComparison.Ordinal);
}
