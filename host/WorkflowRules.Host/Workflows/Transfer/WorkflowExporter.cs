using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>Exports workflows' current versions (templates too, when named) as a <see cref="WorkflowTransferDocument"/>.</summary>
public sealed class WorkflowExporter(WorkflowRulesDbContext db, TimeProvider timeProvider)
{
    /// <param name="codes">The workflows to export; none means every workflow that is not a template.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>The document, or a 404 naming the codes no workflow has.</returns>
    public async Task<(WorkflowTransferDocument? Document, ProblemHttpResult? Problem)> ExportAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var query = db.Workflows.AsNoTracking().Include(w => w.CurrentVersion).Where(w => w.CurrentVersion != null);
        query = codes.Count == 0 ? query.Where(w => !w.IsTemplate) : query.Where(w => codes.Contains(w.Code));
        var workflows = await query.OrderBy(w => w.Code).ToListAsync(cancellationToken);
        var missing = codes.Except(workflows.Select(w => w.Code), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return (null, Problems.NotFound($"No workflow has the code{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(c => $"'{c}'"))}."));
        }

        var document = new WorkflowTransferDocument
        {
            FormatVersion = WorkflowTransferDocument.CurrentFormatVersion,
            ExportedAt = timeProvider.GetUtcNow(),
            Workflows =
            [
                .. workflows.Select(w => new WorkflowTransferItem
                {
                    Code = w.Code,
                    Description = w.Description,
                    Category = w.Category,
                    Steps = [.. DefinitionJson.Deserialize(w.CurrentVersion!.DefinitionJson).Steps.Select(StepRequestWriter.Write)],
                }),
            ],
        };
        return (document, null);
    }
}
