using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Validation;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// What every workflow write shares: one writer at a time, loading with the edit rules (exists, not a template,
/// unchanged since the client read it), the enabling checks, and saving with conflicts turned into 409s.
/// </summary>
public sealed class WorkflowStore(WorkflowRulesDbContext db, WorkflowValidator validator, WorkflowConditionCompiler compiler, TimeProvider timeProvider)
{
    public WorkflowRulesDbContext Db => db;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>Begins the transaction of a write, once no other write runs (<see cref="WorkflowWriteLock"/>).</summary>
    public Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken) => WorkflowWriteLock.BeginAsync(db, cancellationToken);

    /// <summary>The workflow to change, tracked with its versions; or 404, 409 for a template, 409 when <paramref name="ifMatch"/> is stale.</summary>
    public async Task<(Workflow? Workflow, ProblemHttpResult? Problem)> LoadForEditAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        var expected = WorkflowETag.Parse(ifMatch, out var valid);
        if (!valid)
        {
            return (null, WorkflowProblemResults.BadETag());
        }

        var workflow = await WorkflowQueries.FindAsync(db, code, cancellationToken, tracking: true);
        if (workflow is null)
        {
            return (null, WorkflowProblemResults.NotFound(code));
        }

        if (workflow.IsTemplate)
        {
            return (null, WorkflowProblemResults.ReadOnlyTemplate(workflow));
        }

        return expected is { } rowVersion && rowVersion != workflow.RowVersion ? (null, WorkflowProblemResults.Stale(code)) : (workflow, null);
    }

    /// <summary>Every enabling check of <paramref name="definition"/> as workflow <paramref name="code"/>, against the workflows enabled now.</summary>
    public async Task<WorkflowProblems> CheckEnablingAsync(string code, string? category, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var context = await WorkflowValidationContextLoader.LoadForAsync(db, [definition], cancellationToken);
        return validator.Validate(new WorkflowCandidate(code, category, definition), context);
    }

    /// <returns>Null when saved; a 409 when someone changed the workflow meanwhile or took its code.</returns>
    public async Task<ProblemHttpResult?> SaveAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowProblemResults.Stale(code);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict($"A workflow with the code '{code}' was created at the same time; read it (GET /api/workflows/{code}).");
        }
    }

    /// <summary>Compiles the conditions of a version new instances start on, so the first event finds them compiled.</summary>
    public void Prepare(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow.Enabled && workflow.CurrentVersion is { } current)
        {
            compiler.Compile(DefinitionJson.Deserialize(current.DefinitionJson));
        }
    }
}
