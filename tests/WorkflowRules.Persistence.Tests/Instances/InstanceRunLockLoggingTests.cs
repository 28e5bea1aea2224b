using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Instances;

/// <summary>What an operator reads in the log when a run saves and lets go of its lock: nothing, when all went well.</summary>
public sealed class InstanceRunLockLoggingTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task SaveAndReleaseAsync_LogsNoWarning_ForTheReleaseStatementsResult()
    {
        await using var provider = PersistenceTestServices.Create(
            await postgres.CreateMigratedDatabaseAsync("runlocklog"), logging => logging.SetMinimumLevel(LogLevel.Warning).AddFakeLogging());
        var factory = provider.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>();
        Guid instanceId;
        await using (var seed = await factory.CreateDbContextAsync())
        {
            instanceId = (await TestData.StoreInstanceAsync(seed)).Id;
        }

        await using var db = await factory.CreateDbContextAsync();
        var instance = await InstanceRunLock.LoadUnderLockAsync(
            db, instanceId, () => db.WorkflowInstances.SingleAsync(i => i.Id == instanceId), CancellationToken.None);
        instance.Status = InstanceStatus.Completed;
        instance.UpdatedAt = TestData.Now;
        await InstanceRunLock.SaveAndReleaseAsync(db, instanceId, CancellationToken.None);

        Assert.False(InstanceRunLock.IsHeld(db));
        Assert.Empty(provider.GetFakeLogCollector().GetSnapshot().Select(record => $"{record.Level} {record.Category}: {record.Message}"));
    }
}
