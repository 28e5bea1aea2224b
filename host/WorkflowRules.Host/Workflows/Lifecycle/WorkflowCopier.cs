using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// New workflows from existing ones (BC-WORKFLOW.md §1, "Templates"): a copy of any workflow or template, or a
/// workflow created from a template under the template's code with the first free suffix (<c>-01</c>, <c>-02</c>…).
/// The copy is disabled, with the source's current steps and category, and its own history from version 1.
/// </summary>
public sealed class WorkflowCopier(WorkflowStore store)
{
    private const int MaxCodeLength = 20;
    private const int MaxSuffix = 99;

    public async Task<EditResult> CopyAsync(string sourceCode, CopyWorkflowRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WorkflowRequestReader.CodeProblem(request.Code) is { } codeProblem)
        {
            return EditResult.Failed(Problems.Validation("code", codeProblem));
        }

        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var source = await WorkflowQueries.FindAsync(store.Db, sourceCode, cancellationToken);
        return source is null
            ? EditResult.Failed(WorkflowProblemResults.NotFound(sourceCode))
            : await CreateAsync(source, request.Code!, request.Description, user, transaction, cancellationToken);
    }

    public async Task<EditResult> CreateFromTemplateAsync(string templateCode, CopyWorkflowRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Code is not null && WorkflowRequestReader.CodeProblem(request.Code) is { } codeProblem)
        {
            return EditResult.Failed(Problems.Validation("code", codeProblem));
        }

        await using var transaction = await store.BeginWriteAsync(cancellationToken);
        var template = await WorkflowQueries.FindAsync(store.Db, templateCode, cancellationToken);
        if (template is not { IsTemplate: true })
        {
            return EditResult.Failed(Problems.NotFound(template is null
                ? $"No template has the code '{templateCode}' (GET /api/templates lists them)."
                : $"'{templateCode}' is a workflow, not a template: copy it with POST /api/workflows/{templateCode}/copy."));
        }

        var code = request.Code ?? await FreeCodeAsync(templateCode, cancellationToken);
        return code is null
            ? EditResult.Failed(Problems.Conflict($"Every code from {Base(templateCode)}-01 to -{MaxSuffix} is taken: give the new workflow a code."))
            : await CreateAsync(template, code, request.Description, user, transaction, cancellationToken);
    }

    private async Task<EditResult> CreateAsync(
        Workflow source, string code, string? description, ClaimsPrincipal user, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (source.CurrentVersion is not { } current)
        {
            return EditResult.Failed(Problems.Conflict($"Workflow '{source.Code}' has no published version to copy."));
        }

        if (await store.Db.Workflows.AnyAsync(w => w.Code == code, cancellationToken))
        {
            return EditResult.Failed(Problems.Conflict($"A workflow with the code '{code}' exists already: choose another code."));
        }

        var now = store.Now;
        var workflow = new Workflow
        {
            Id = Guid.NewGuid(),
            Code = code,
            Description = string.IsNullOrWhiteSpace(description) ? source.Description : description.Trim(),
            Category = source.Category,
            CreatedAt = now,
        };
        store.Db.Workflows.Add(workflow);
        WorkflowVersions.MakeCurrent(workflow, WorkflowVersions.Add(workflow, DefinitionJson.Deserialize(current.DefinitionJson), user, now), user, now);
        if (await store.SaveAsync(code, cancellationToken) is { } conflict)
        {
            return EditResult.Failed(conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return EditResult.Done(workflow);
    }

    /// <summary>The template's code (shortened to fit) with the first free two-digit suffix, BC-style; null when all are taken.</summary>
    private async Task<string?> FreeCodeAsync(string templateCode, CancellationToken cancellationToken)
    {
        var prefix = Base(templateCode) + "-";
        var taken = (await store.Db.Workflows.Where(w => w.Code.StartsWith(prefix)).Select(w => w.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, MaxSuffix)
            .Select(n => prefix + n.ToString("00", CultureInfo.InvariantCulture))
            .FirstOrDefault(candidate => !taken.Contains(candidate));
    }

    private static string Base(string templateCode) => templateCode[..Math.Min(templateCode.Length, MaxCodeLength - 3)].TrimEnd('-', '_');
}
