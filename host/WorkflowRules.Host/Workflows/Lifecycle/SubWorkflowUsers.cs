using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// The enabled workflows whose current version uses a workflow as a sub-workflow: while there are any, it must stay
/// enabled and exist, or their next instance could not inline it.
/// </summary>
public static class SubWorkflowUsers
{
    public static Task<List<string>> EnabledUsersAsync(WorkflowRulesDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Codes are upper-case letters, digits, '-' and '_': nothing to escape in the JSON.
        var usedAs = $$"""{"steps":[{"type":"SubWorkflow","functionName":"{{code}}"}]}""";
        return db.Workflows
            .Where(w => w.Enabled && w.Code != code && w.CurrentVersion != null && EF.Functions.JsonContains(w.CurrentVersion.DefinitionJson, usedAs))
            .OrderBy(w => w.Code)
            .Select(w => w.Code)
            .ToListAsync(cancellationToken);
    }

    public static string Describe(IReadOnlyList<string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        return users.Count == 1 ? $"the enabled workflow {users[0]}" : $"the enabled workflows {string.Join(", ", users)}";
    }
}
