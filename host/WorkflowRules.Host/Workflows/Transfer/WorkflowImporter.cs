using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>
/// Imports a document in one transaction (all of it or nothing). A new code becomes a disabled workflow; an existing
/// one gets the imported steps as a new version — current when it is disabled, its draft when it is enabled, so
/// running and new instances keep their version until someone publishes. Templates cannot be imported over.
/// </summary>
public sealed class WorkflowImporter(WorkflowStore store, WorkflowValidator validator)
{
    public async Task<(ImportResult? Result, ProblemHttpResult? Problem)> ImportAsync(WorkflowTransferDocument document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (entries, errors) = ImportDocumentReader.Read(document);
        if (!errors.IsEmpty)
        {
            return (null, WorkflowProblemResults.Invalid(errors));
        }

        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var codes = entries.Select(e => e.Code).ToList();
        var existing = await WorkflowQueries.WithVersions(store.Db, tracking: true).Where(w => codes.Contains(w.Code)).ToDictionaryAsync(w => w.Code, cancellationToken);
        if (existing.Values.FirstOrDefault(w => w.IsTemplate) is { } template)
        {
            return (null, Problems.Conflict($"'{template.Code}' is a template, which an import cannot change: rename that workflow in the document to import it as a new one."));
        }

        var now = store.Now;
        // Drafts are replaced in a save of their own: the new version takes the draft's number.
        if (existing.Values.Select(w => WorkflowVersions.RemoveDraft(w, store.Db, now)).ToList().Contains(true)
            && await store.SaveAsync(string.Join(", ", codes), cancellationToken) is { } draftConflict)
        {
            return (null, draftConflict);
        }

        var written = new List<(ImportEntry Entry, Workflow Workflow, ImportOutcome Outcome, int Version)>();
        foreach (var entry in entries)
        {
            var workflow = existing.GetValueOrDefault(entry.Code);
            if (workflow is null)
            {
                workflow = new Workflow { Id = Guid.NewGuid(), Code = entry.Code, Description = entry.Description, CreatedAt = now };
                store.Db.Workflows.Add(workflow);
            }

            workflow.Description = entry.Description;
            workflow.Category = entry.Category;
            var version = WorkflowVersions.Add(workflow, entry.Definition, user, now);
            var outcome = existing.ContainsKey(entry.Code) ? workflow.Enabled ? ImportOutcome.Drafted : ImportOutcome.Published : ImportOutcome.Created;
            if (outcome == ImportOutcome.Drafted)
            {
                WorkflowVersions.MakeDraft(workflow, version);
            }
            else
            {
                WorkflowVersions.MakeCurrent(workflow, version, user, now);
            }

            written.Add((entry, workflow, outcome, version.Number));
        }

        if (await store.SaveAsync(string.Join(", ", codes), cancellationToken) is { } conflict)
        {
            return (null, conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        var context = await WorkflowValidationContextLoader.LoadForAsync(store.Db, [.. entries.Select(e => e.Definition)], cancellationToken);
        return (new ImportResult(
        [
            .. written.Select(w =>
            {
                var problems = validator.Validate(new WorkflowCandidate(w.Entry.Code, w.Entry.Category, w.Entry.Definition), context).ToDictionary();
                return new ImportedWorkflow(w.Entry.Code, w.Outcome, w.Version, problems.Count == 0, problems);
            }),
        ]), null);
    }
}
