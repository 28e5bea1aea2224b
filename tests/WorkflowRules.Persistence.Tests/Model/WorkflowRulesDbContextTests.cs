using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowRules.Persistence.Access;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Outbox;
using WorkflowRules.Persistence.Workflows;
using WorkflowRules.Testing;

namespace WorkflowRules.Persistence.Tests.Model;

public sealed class WorkflowRulesDbContextTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        // One database per test: xunit builds a new instance of this class for each test.
        _connectionString = await postgres.CreateMigratedDatabaseAsync("dbcontext");
        _services = PersistenceTestServices.Create(_connectionString);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SaveChanges_StoresWorkflowWithItsCurrentVersion_WhenBothAreNew()
    {
        var workflow = TestData.Workflow();
        await using (var db = await CreateDbContextAsync())
        {
            db.Workflows.Add(workflow);
            await db.SaveChangesAsync();
        }

        await using var reader = await CreateDbContextAsync();
        var stored = await reader.Workflows.Include(w => w.CurrentVersion).Include(w => w.Versions).SingleAsync(w => w.Id == workflow.Id);
        Assert.Equal(workflow.Versions[0].Id, stored.CurrentVersion!.Id);
        Assert.Single(stored.Versions);
        Assert.NotEqual(0u, stored.RowVersion);
    }

    [Fact]
    public async Task SaveChanges_PublishesNewCurrentVersion_WhenWorkflowExists()
    {
        var workflow = TestData.Workflow();
        await using (var db = await CreateDbContextAsync())
        {
            db.Workflows.Add(workflow);
            await db.SaveChangesAsync();
        }

        await using (var db = await CreateDbContextAsync())
        {
            var stored = await db.Workflows.Include(w => w.Versions).SingleAsync(w => w.Id == workflow.Id);
            var next = new WorkflowVersion
            {
                Id = Guid.NewGuid(), WorkflowId = stored.Id, Number = 2, EntryEvent = "PurchaseOrderChanged",
                DefinitionJson = "{}", CreatedAt = TestData.Now, CreatedBy = "bob",
            };
            stored.Versions.Add(next);
            stored.CurrentVersion = next;
            stored.EntryEvent = next.EntryEvent;
            await db.SaveChangesAsync();
        }

        await using var reader = await CreateDbContextAsync();
        var current = await reader.Workflows.Where(w => w.Id == workflow.Id).Select(w => w.CurrentVersion!.Number).SingleAsync();
        Assert.Equal(2, current);
    }

    [Fact]
    public void SaveChanges_StoresWorkflowWithItsCurrentVersion_WhenCalledSynchronously()
    {
        var workflow = TestData.Workflow();
        using var db = _services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContext();
        db.Workflows.Add(workflow);

        db.SaveChanges();

        Assert.Equal(workflow.Versions[0].Id, db.Workflows.AsNoTracking().Single(w => w.Id == workflow.Id).CurrentVersionId);
    }

    [Fact]
    public async Task SaveChanges_ThrowsConcurrencyException_WhenWorkflowChangedSinceRead()
    {
        var workflow = TestData.Workflow();
        await using (var db = await CreateDbContextAsync())
        {
            db.Workflows.Add(workflow);
            await db.SaveChangesAsync();
        }

        await using var first = await CreateDbContextAsync();
        await using var second = await CreateDbContextAsync();
        var firstCopy = await first.Workflows.SingleAsync(w => w.Id == workflow.Id);
        var secondCopy = await second.Workflows.SingleAsync(w => w.Id == workflow.Id);
        firstCopy.Enabled = false;
        await first.SaveChangesAsync();
        secondCopy.Description = "Edited at the same time";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_ThrowsConcurrencyException_WhenInstanceChangedSinceRead()
    {
        var instanceId = await StoreInstanceAsync();
        await using var first = await CreateDbContextAsync();
        await using var second = await CreateDbContextAsync();
        var firstCopy = await first.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        var secondCopy = await second.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        var before = firstCopy.RowVersion;
        firstCopy.Status = InstanceStatus.Completed;
        await first.SaveChangesAsync();
        secondCopy.Status = InstanceStatus.Failed;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.NotEqual(before, firstCopy.RowVersion);
    }

    [Fact]
    public async Task SaveChanges_RejectsSecondEvent_WhenIdempotencyKeyRepeats()
    {
        await using (var db = await CreateDbContextAsync())
        {
            db.ReceivedEvents.Add(TestData.Event(idempotencyKey: "po-1001-sent"));
            await db.SaveChangesAsync();
        }

        await using var again = await CreateDbContextAsync();
        again.ReceivedEvents.Add(TestData.Event(idempotencyKey: "po-1001-sent"));

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        var postgresException = Assert.IsType<PostgresException>(exception.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgresException.SqlState);
        Assert.Equal("ix_received_events_idempotency_key", postgresException.ConstraintName);
    }

    [Fact]
    public async Task SaveChanges_StoresEveryEvent_WhenIdempotencyKeysAreNull()
    {
        await using var db = await CreateDbContextAsync();
        db.ReceivedEvents.AddRange(TestData.Event(), TestData.Event(), TestData.Event());

        await db.SaveChangesAsync();

        Assert.Equal(3, await db.ReceivedEvents.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_RejectsWorkflow_WhenCodeIsTaken()
    {
        await using (var db = await CreateDbContextAsync())
        {
            db.Workflows.Add(TestData.Workflow("CREDIT_LIMIT"));
            await db.SaveChangesAsync();
        }

        await using var again = await CreateDbContextAsync();
        again.Workflows.Add(TestData.Workflow("CREDIT_LIMIT"));

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.Equal("ix_workflows_code", Assert.IsType<PostgresException>(exception.InnerException).ConstraintName);
    }

    [Fact]
    public async Task SaveChanges_RejectsApiKey_WhenPrefixIsTaken()
    {
        await using (var db = await CreateDbContextAsync())
        {
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "erp", Prefix = "wfr_abc", Hash = "00", Roles = ["application"], CreatedAt = TestData.Now });
            await db.SaveChangesAsync();
        }

        await using var again = await CreateDbContextAsync();
        again.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "crm", Prefix = "wfr_abc", Hash = "01", CreatedAt = TestData.Now });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.Equal("ix_api_keys_prefix", Assert.IsType<PostgresException>(exception.InnerException).ConstraintName);
    }

    [Fact]
    public async Task SaveChanges_StoresEnumsAsNamesAndJsonAsJsonb_WhenRowsAreWritten()
    {
        var instanceId = await StoreInstanceAsync();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();

        Assert.Equal("Running", await ScalarAsync(connection, $"SELECT status FROM workflow.workflow_instances WHERE id = '{instanceId}'"));
        Assert.Equal("Active", await ScalarAsync(connection, $"SELECT status FROM workflow.instance_steps WHERE instance_id = '{instanceId}' AND step_id = '2'"));
        Assert.Equal("RunInstance", await ScalarAsync(connection, $"SELECT kind FROM workflow.outbox_messages WHERE instance_id = '{instanceId}'"));
        Assert.Equal("1250.5", await ScalarAsync(connection, $"SELECT record_json ->> 'total' FROM workflow.workflow_instances WHERE id = '{instanceId}'"));
        Assert.Equal("jsonb", await ScalarAsync(connection,
            "SELECT string_agg(DISTINCT data_type, ',') FROM information_schema.columns WHERE table_schema = 'workflow' AND column_name LIKE '%_json'"));
    }

    [Fact]
    public async Task SaveChanges_RoundTripsRoles_WhenApiKeyIsStored()
    {
        var key = new ApiKey { Id = Guid.NewGuid(), Name = "ops", Prefix = "wfr_ops", Hash = "ff", Roles = ["operator", "admin"], CreatedAt = TestData.Now };
        await using (var db = await CreateDbContextAsync())
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }

        await using var reader = await CreateDbContextAsync();
        Assert.Equal(["operator", "admin"], (await reader.ApiKeys.SingleAsync(k => k.Id == key.Id)).Roles);
    }

    private async Task<Guid> StoreInstanceAsync()
    {
        await using var db = await CreateDbContextAsync();
        var instance = await TestData.StoreInstanceAsync(db);
        db.OutboxMessages.Add(new OutboxMessage { InstanceId = instance.Id, Kind = OutboxMessageKind.RunInstance, CreatedAt = TestData.Now });
        await db.SaveChangesAsync();
        return instance.Id;
    }

    private Task<WorkflowRulesDbContext> CreateDbContextAsync()
        => _services.GetRequiredService<IDbContextFactory<WorkflowRulesDbContext>>().CreateDbContextAsync();

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
