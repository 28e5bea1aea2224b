using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Instances;

public sealed class InstanceRunLockTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    /// <summary>How long a load that should be waiting for the lock is given to (wrongly) finish.</summary>
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(500);

    private ServiceProvider _services = null!;

    public async Task InitializeAsync() =>
        _services = PersistenceTestServices.Create(await postgres.CreateMigratedDatabaseAsync("runlock"));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task LoadUnderLockAsync_LoadsInstanceWithItsSteps_WhileHoldingTheLock()
    {
        var instanceId = await StoreInstanceAsync();
        await using var db = await CreateDbContextAsync();

        var instance = await LoadUnderLockAsync(db, instanceId);

        Assert.Equal(2, instance.Steps.Count);
        Assert.Equal(1, await LocksHeldAsync());
        await ReleaseAndExpectNoLocksAsync(db, instanceId);
    }

    [Fact]
    public async Task LoadUnderLockAsync_WaitsForTheHolder_AndSeesWhatItCommitted()
    {
        var instanceId = await StoreInstanceAsync();
        await using var holder = await CreateDbContextAsync();
        var held = await LoadUnderLockAsync(holder, instanceId);

        await using var waiter = await CreateDbContextAsync();
        var waiting = LoadUnderLockAsync(waiter, instanceId);
        await Task.Delay(Blocked);
        Assert.False(waiting.IsCompleted, "a second load took the lock while the first one held it");

        // The holder moves the instance on and lets go: the waiting load must see the change, not the row as it was
        // when that load was sent.
        held.Steps.Single(s => s.StepId == "2").Status = StepStatus.Completed;
        MarkCompleted(held);
        await holder.SaveChangesAsync();
        await InstanceRunLock.ReleaseAsync(holder, instanceId);

        var seen = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(InstanceStatus.Completed, seen.Status);
        Assert.Equal(StepStatus.Completed, seen.Steps.Single(s => s.StepId == "2").Status);
        await InstanceRunLock.ReleaseAsync(waiter, instanceId);
    }

    [Fact]
    public async Task LoadUnderLockAsync_LocksOnce_WhenLaterQueriesRunOnTheSameContext()
    {
        var instanceId = await StoreInstanceAsync();
        await using var db = await CreateDbContextAsync();

        await LoadUnderLockAsync(db, instanceId);
        db.ChangeTracker.Clear();
        await db.WorkflowInstances.Include(i => i.Steps).SingleAsync(i => i.Id == instanceId);
        await InstanceRunLock.ReleaseAsync(db, instanceId);

        // A second lock would still be held here (session advisory locks count).
        Assert.Equal(0, await LocksHeldAsync());
    }

    [Fact]
    public async Task ReleaseAsync_DoesNothing_WhenTheConnectionWasNeverOpened()
    {
        await using var db = await CreateDbContextAsync();

        await InstanceRunLock.ReleaseAsync(db, Guid.NewGuid());

        Assert.Equal(0, await LocksHeldAsync());
    }

    [Fact]
    public async Task SaveAndReleaseAsync_SavesTheChanges_AndReleasesTheLockWithTheirCommit()
    {
        var instanceId = await StoreInstanceAsync();
        await using var db = await CreateDbContextAsync();
        var instance = await LoadUnderLockAsync(db, instanceId);

        MarkCompleted(instance);
        await InstanceRunLock.SaveAndReleaseAsync(db, instanceId, CancellationToken.None);

        Assert.False(InstanceRunLock.IsHeld(db));
        Assert.Equal(0, await LocksHeldAsync());
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(instanceId));
        await ReleaseAndExpectNoLocksAsync(db, instanceId);
    }

    [Fact]
    public async Task SaveAndReleaseAsync_PassesTheLockOnAtCommit_SoTheNextHolderSeesWhatWasSaved()
    {
        var instanceId = await StoreInstanceAsync();
        await using var holder = await CreateDbContextAsync();
        var held = await LoadUnderLockAsync(holder, instanceId);
        await using var waiter = await CreateDbContextAsync();
        var waiting = LoadUnderLockAsync(waiter, instanceId);

        // An outer transaction keeps the save's transaction open after the release statement ran: the window a
        // waiter could otherwise slip through between the release and COMMIT.
        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            MarkCompleted(held);
            await InstanceRunLock.SaveAndReleaseAsync(holder, instanceId, CancellationToken.None);
            await Task.Delay(Blocked);
            Assert.False(waiting.IsCompleted, "the lock passed on before the save committed");
            await transaction.CommitAsync();
        }

        var seen = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(InstanceStatus.Completed, seen.Status);
        await InstanceRunLock.ReleaseAsync(waiter, instanceId);
        await ReleaseAndExpectNoLocksAsync(holder, instanceId);
    }

    [Fact]
    public async Task SaveAndReleaseAsync_ReleasesTheLock_WhenTheSaveConflicts_SoTheRunCanTakeItAgain()
    {
        var instanceId = await StoreInstanceAsync();
        await using var db = await CreateDbContextAsync();
        var instance = await LoadUnderLockAsync(db, instanceId);
        await using (var other = await CreateDbContextAsync())
        {
            // Another process moves the instance on meanwhile (as event intake may, without the run lock).
            var changed = await other.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
            changed.UpdatedAt = TestData.Now.AddMinutes(1);
            await other.SaveChangesAsync();
        }

        MarkCompleted(instance);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => InstanceRunLock.SaveAndReleaseAsync(db, instanceId, CancellationToken.None));

        Assert.False(InstanceRunLock.IsHeld(db));
        Assert.Equal(0, await LocksHeldAsync());
        Assert.Equal(InstanceStatus.Running, await StatusAsync(instanceId));
        db.ChangeTracker.Clear();
        await LoadUnderLockAsync(db, instanceId);
        Assert.Equal(1, await LocksHeldAsync());
        await ReleaseAndExpectNoLocksAsync(db, instanceId);
    }

    [Fact]
    public async Task SaveAndReleaseAsync_KeepsTheLock_WhenThereIsNothingToSave()
    {
        var instanceId = await StoreInstanceAsync();
        await using var db = await CreateDbContextAsync();
        await LoadUnderLockAsync(db, instanceId);

        await InstanceRunLock.SaveAndReleaseAsync(db, instanceId, CancellationToken.None);

        Assert.True(InstanceRunLock.IsHeld(db));
        Assert.Equal(1, await LocksHeldAsync());
        await ReleaseAndExpectNoLocksAsync(db, instanceId);
    }

    private static void MarkCompleted(WorkflowInstance instance)
    {
        instance.Status = InstanceStatus.Completed;
        instance.UpdatedAt = TestData.Now;
    }

    /// <summary>Releases as a run does when it ends, then checks that no advisory lock is left in the database.</summary>
    private async Task ReleaseAndExpectNoLocksAsync(WorkflowRulesDbContext db, Guid instanceId)
    {
        await InstanceRunLock.ReleaseAsync(db, instanceId);
        Assert.Equal(0, await LocksHeldAsync());
    }

    private async Task<InstanceStatus> StatusAsync(Guid instanceId)
    {
        await using var db = await CreateDbContextAsync();
        return await db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync();
    }

    private static Task<WorkflowInstance> LoadUnderLockAsync(WorkflowRulesDbContext db, Guid instanceId) =>
        InstanceRunLock.LoadUnderLockAsync(
            db, instanceId, () => db.WorkflowInstances.Include(i => i.Steps).SingleAsync(i => i.Id == instanceId), CancellationToken.None);

    /// <summary>Advisory locks held by any session in this database, seen from a connection of its own.</summary>
    private async Task<int> LocksHeldAsync()
    {
        await using var db = await CreateDbContextAsync();
        return await AdvisoryLocks.HeldAsync(db);
    }

    private async Task<Guid> StoreInstanceAsync()
    {
        await using var db = await CreateDbContextAsync();
        return (await TestData.StoreInstanceAsync(db)).Id;
    }

    private Task<WorkflowRulesDbContext> CreateDbContextAsync() =>
        _services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContextAsync();
}
