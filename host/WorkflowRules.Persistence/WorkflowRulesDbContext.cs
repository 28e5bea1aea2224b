using Microsoft.EntityFrameworkCore;
using WorkflowRules.Persistence.Access;
using WorkflowRules.Persistence.Approvals;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Outbox;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Persistence;

/// <summary>
/// WorkflowRules' own tables, in schema <c>workflow</c> with snake_case names. Enums are stored as
/// their names (text), <c>*Json</c> columns as jsonb, and PostgreSQL's <c>xmin</c> is the
/// concurrency token of workflows and instances.
/// </summary>
public sealed class WorkflowRulesDbContext(DbContextOptions<WorkflowRulesDbContext> options) : DbContext(options)
{
    public const string Schema = "workflow";

    public DbSet<Workflow> Workflows => Set<Workflow>();

    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<InstanceStep> InstanceSteps => Set<InstanceStep>();

    public DbSet<ReceivedEvent> ReceivedEvents => Set<ReceivedEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ApprovalEntry> ApprovalEntries => Set<ApprovalEntry>();

    /// <summary>Changes whenever a workflow row does; see <see cref="WorkflowCatalogStamp"/>.</summary>
    public DbSet<WorkflowCatalogStamp> WorkflowCatalogStamps => Set<WorkflowCatalogStamp>();

    /// <summary>
    /// The instance whose run lock the next command takes first (<see cref="InstanceRunLock.LoadUnderLockAsync{T}"/>);
    /// null otherwise.
    /// </summary>
    internal Guid? RunLockToTake { get; set; }

    /// <summary>
    /// The instance whose run lock the next saving command releases with its commit
    /// (<see cref="InstanceRunLock.SaveAndReleaseAsync"/>); null otherwise.
    /// </summary>
    internal Guid? RunLockToReleaseOnSave { get; set; }

    /// <summary>Whether this context's connection may hold a run lock: taken by a load, not released since.</summary>
    internal bool HoldsRunLock { get; set; }

    /// <summary>
    /// Saves like <see cref="DbContext.SaveChangesAsync(bool, CancellationToken)"/>, and also accepts a new workflow
    /// whose <see cref="Workflow.CurrentVersion"/> is one of its new versions — a cycle EF Core cannot order
    /// (dotnet/efcore#1699): the workflow is inserted without its current version, then updated, in one transaction.
    /// If this throws, discard the context: the first step may already be marked as saved.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cycles = NewWorkflowsWithNewCurrentVersion();
        if (cycles.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            cycles.ForEach(c => (c.Workflow.CurrentVersion, c.Workflow.CurrentVersionId) = (null, null));
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            cycles.ForEach(c => (c.Workflow.CurrentVersion, c.Workflow.CurrentVersionId) = (c.Version, c.Version.Id));
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var cycles = NewWorkflowsWithNewCurrentVersion();
        if (cycles.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        cycles.ForEach(c => (c.Workflow.CurrentVersion, c.Workflow.CurrentVersionId) = (null, null));
        var saved = base.SaveChanges(acceptAllChangesOnSuccess: true);
        cycles.ForEach(c => (c.Workflow.CurrentVersion, c.Workflow.CurrentVersionId) = (c.Version, c.Version.Id));
        saved += base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return saved;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Names survive reordering of enum members and read well in SQL; numbers do neither.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowRulesDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    private List<(Workflow Workflow, WorkflowVersion Version)> NewWorkflowsWithNewCurrentVersion()
        => ChangeTracker.Entries<Workflow>()
            .Where(e => e.State == EntityState.Added && e.Entity.CurrentVersion is { } version && Entry(version).State == EntityState.Added)
            .Select(e => (e.Entity, e.Entity.CurrentVersion!))
            .ToList();
}
