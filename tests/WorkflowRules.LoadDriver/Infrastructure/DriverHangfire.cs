using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// A Hangfire server inside the driver with the host's settings (see host/WorkflowRules.Host/Jobs/JobsOptions.cs and
/// JobsServiceCollectionExtensions.cs): the same storage options, worker count and polling, on the same PostgreSQL.
/// It measures what Hangfire.PostgreSql itself can do here: the ceiling of an architecture built on it.
/// </summary>
internal sealed class DriverHangfire : IAsyncDisposable
{
    private readonly BackgroundJobServer _server;

    private DriverHangfire(PostgreSqlStorage storage, BackgroundJobServer server, string schema)
    {
        Storage = storage;
        _server = server;
        Schema = schema;
        Client = new BackgroundJobClient(storage);
    }

    /// <summary>The host's default: <c>Math.Max(4, Environment.ProcessorCount * 2)</c>.</summary>
    public static int HostWorkerCount => Math.Max(4, Environment.ProcessorCount * 2);

    public PostgreSqlStorage Storage { get; }

    public IBackgroundJobClient Client { get; }

    public string Schema { get; }

    /// <summary>Starts a server; <paramref name="activator"/> builds the driver's job objects (never Hangfire's static one).</summary>
    public static DriverHangfire Start(string connectionString, string schema, JobActivator activator, int workerCount, TimeSpan schedulePollingInterval)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = false,
            InvisibilityTimeout = TimeSpan.FromSeconds(30),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = workerCount,
                SchedulePollingInterval = schedulePollingInterval,
                Activator = activator,
                ServerName = $"load-driver:{Environment.ProcessId}:{schema}",
            },
            storage);
        return new DriverHangfire(storage, server, schema);
    }

    public async ValueTask DisposeAsync()
    {
        _server.SendStop();
        await _server.WaitForShutdownAsync(CancellationToken.None);
        _server.Dispose();
    }
}
