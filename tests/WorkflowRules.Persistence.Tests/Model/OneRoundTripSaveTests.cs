using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Model;

/// <summary>Inserts saved in one round trip and still all or nothing; anything else in EF's own transaction.</summary>
public sealed class OneRoundTripSaveTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Inserts_GoInOneCommandWithoutATransaction_AndAllLand()
    {
        var (db, saves) = await ContextAsync("one_trip_inserts");
        await using var _ = db;
        var workflow = TestData.Workflow();
        db.Workflows.Add(workflow);
        await db.SaveChangesAsync();

        saves.Clear();
        var trigger = TestData.Event();
        db.ReceivedEvents.Add(trigger);
        db.WorkflowInstances.Add(TestData.Instance(workflow.Versions[0], trigger));
        await db.SaveChangesInOneRoundTripAsync(CancellationToken.None);

        Assert.Equal((Commands: 1, Transactions: 0), (saves.Commands, saves.Transactions));
        db.ChangeTracker.Clear();
        Assert.Equal(1, await db.ReceivedEvents.CountAsync());
        Assert.Equal(2, await db.Set<InstanceStep>().CountAsync());
    }

    [Fact]
    public async Task AFailingInsert_TakesTheOthersOfItsSaveWithIt()
    {
        var (db, saves) = await ContextAsync("one_trip_failure");
        await using var _ = db;
        var workflow = TestData.Workflow();
        db.Workflows.Add(workflow);
        db.ReceivedEvents.Add(TestData.Event(idempotencyKey: "taken"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        saves.Clear();
        var trigger = TestData.Event(idempotencyKey: "fresh");
        db.ReceivedEvents.Add(trigger);
        db.WorkflowInstances.Add(TestData.Instance(workflow.Versions[0], trigger));
        db.ReceivedEvents.Add(TestData.Event(idempotencyKey: "taken"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesInOneRoundTripAsync(CancellationToken.None));

        Assert.Equal(0, saves.Transactions);
        db.ChangeTracker.Clear();
        Assert.Equal(["taken"], await db.ReceivedEvents.Select(e => e.IdempotencyKey).ToListAsync());
        Assert.Equal(0, await db.WorkflowInstances.CountAsync());
    }

    [Fact]
    public async Task AnUpdate_SavesInEfsTransaction_WhoseConcurrencyCheckCanStillUndoTheRest()
    {
        var (db, saves) = await ContextAsync("one_trip_update");
        await using var _ = db;
        var instance = await TestData.StoreInstanceAsync(db);

        saves.Clear();
        instance.Status = InstanceStatus.Completed;
        db.ReceivedEvents.Add(TestData.Event());
        await db.SaveChangesInOneRoundTripAsync(CancellationToken.None);

        Assert.Equal(1, saves.Transactions);
    }

    private async Task<(WorkflowRulesDbContext Db, SaveRecorder Saves)> ContextAsync(string name)
    {
        var saves = new SaveRecorder();
        var options = new DbContextOptionsBuilder<WorkflowRulesDbContext>()
            .UseNpgsql(await postgres.CreateMigratedDatabaseAsync(name), WorkflowRulesNpgsql.Configure)
            .AddInterceptors(saves)
            .Options;
        return (new WorkflowRulesDbContext(options), saves);
    }

    /// <summary>Counts the commands saves send and the transactions EF starts.</summary>
    private sealed class SaveRecorder : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public int Commands { get; private set; }

        public int Transactions { get; private set; }

        public void Clear() => (Commands, Transactions) = (0, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands += eventData.CommandSource == CommandSource.SaveChanges ? 1 : 0;
            return ValueTask.FromResult(result);
        }

        public ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Transactions++;
            return ValueTask.FromResult(result);
        }
    }
}
