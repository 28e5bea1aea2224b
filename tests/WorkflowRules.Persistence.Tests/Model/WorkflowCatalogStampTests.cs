using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Model;

/// <summary>The stamp that tells in-memory copies of the enabled workflows that they are stale.</summary>
public sealed class WorkflowCatalogStampTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Stamp_Moves_WhenWorkflowsAreWrittenByEfCoreOrBySql()
    {
        await using var services = PersistenceTestServices.Create(await postgres.CreateMigratedDatabaseAsync("stamp_moves"));
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContextAsync();
        var initial = await StampAsync(db);

        var workflow = TestData.Workflow();
        db.Workflows.Add(workflow);
        await db.SaveChangesAsync();
        var afterInsert = await StampAsync(db);
        Assert.True(afterInsert > initial, $"An insert must move the stamp ({initial} → {afterInsert}).");

        // An operator's UPDATE in psql counts as much as the host's own writes.
        await db.Database.ExecuteSqlAsync($"UPDATE workflow.workflows SET enabled = false WHERE id = {workflow.Id}");
        var afterSql = await StampAsync(db);
        Assert.True(afterSql > afterInsert, $"An UPDATE in SQL must move the stamp ({afterInsert} → {afterSql}).");

        await db.Database.ExecuteSqlAsync($"SELECT count(*) FROM workflow.workflow_instances");
        Assert.Equal(afterSql, await StampAsync(db));
    }

    [Fact]
    public async Task Stamp_StaysForOthers_UntilTheWriterCommits()
    {
        await using var services = PersistenceTestServices.Create(await postgres.CreateMigratedDatabaseAsync("stamp_commit"));
        var factory = services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>();
        await using var writer = await factory.CreateDbContextAsync();
        await using var reader = await factory.CreateDbContextAsync();
        var before = await StampAsync(reader);

        await using (var transaction = await writer.Database.BeginTransactionAsync())
        {
            writer.Workflows.Add(TestData.Workflow());
            await writer.SaveChangesAsync();
            Assert.Equal(before, await StampAsync(reader));
            await transaction.CommitAsync();
        }

        Assert.True(await StampAsync(reader) > before);
    }

    [Fact]
    public async Task EventInsert_IsRefusedWithNothingStored_WhenTheStampItWasDecidedAgainstHasMoved()
    {
        await using var services = PersistenceTestServices.Create(await postgres.CreateMigratedDatabaseAsync("stamp_guard"));
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContextAsync();
        var decidedAgainst = await StampAsync(db);
        db.ReceivedEvents.Add(StampedEvent(decidedAgainst));
        await db.SaveChangesAsync();

        db.Workflows.Add(TestData.Workflow());
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.ReceivedEvents.Add(StampedEvent(decidedAgainst));
        db.ReceivedEvents.Add(StampedEvent(null));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(CatalogStampGuard.IsStale(refused), refused.InnerException?.Message);
        Assert.Equal(1, await db.ReceivedEvents.CountAsync());

        // Events not decided at intake (raised by responses, decided when their instance is done) carry no stamp.
        db.ChangeTracker.Clear();
        db.ReceivedEvents.Add(StampedEvent(await StampAsync(db)));
        db.ReceivedEvents.Add(StampedEvent(null));
        await db.SaveChangesAsync();
        Assert.Equal(3, await db.ReceivedEvents.CountAsync());

        static ReceivedEvent StampedEvent(long? stamp)
        {
            var received = TestData.Event();
            received.CatalogStamp = stamp;
            return received;
        }
    }

    private static Task<long> StampAsync(WorkflowRulesDbContext db) =>
        db.WorkflowCatalogStamps.AsNoTracking().Where(s => s.Id == WorkflowCatalogStamp.SingletonId).Select(s => s.Value).SingleAsync();
}
