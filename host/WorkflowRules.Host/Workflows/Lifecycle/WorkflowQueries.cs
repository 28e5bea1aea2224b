using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>Workflows with what their views and edits need: the current version, the draft and the history.</summary>
public static class WorkflowQueries
{
    public static IQueryable<Workflow> WithVersions(WorkflowRulesDbContext db, bool tracking = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Workflows.Include(w => w.CurrentVersion).Include(w => w.DraftVersion).Include(w => w.Versions);
        return tracking ? query : query.AsNoTracking();
    }

    public static Task<Workflow?> FindAsync(WorkflowRulesDbContext db, string code, CancellationToken cancellationToken, bool tracking = false) =>
        WithVersions(db, tracking).SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
}
