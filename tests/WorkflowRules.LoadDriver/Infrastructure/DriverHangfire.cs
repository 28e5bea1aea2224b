using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// A Hangfire server inside the driver with the host's settings (see host/WorkflowRules.Host/Jobs/JobsOptions.cs and
/// JobsServiceCollectionExtensions.cs): the same storage options, worker count and polling, on the same PostgreSQL.
/// It measures what Hangfire.PostgreSql itself can do here: the ceiling of an architecture built on it.
/// </summary>
internal sealed class DriverHangfire : IAsyncDisposable
{
    private readonly JobActivator _activator;
    private readonly int _workerCount;
    private readonly TimeSpan _schedulePollingInterval;
    private BackgroundJobServer? _server;

    private DriverHangfire(PostgreSqlStorage storage, string schema, JobActivator activator, int workerCount, TimeSpan schedulePollingInterval)
    {
        Storage = storage;
        Schema = schema;
        Client = new BackgroundJobClient(storage);
        _activator = activator;
        _workerCount = workerCount;
        _schedulePollingInterval = schedulePollingInterval;
    }

    /// <summary>The host's default: <c>Math.Max(4, Environment.ProcessorCount * 2)</c>.</summary>
    public static int HostWorkerCount => Math.Max(4, Environment.ProcessorCount * 2);

    public PostgreSqlStorage Storage { get; }

    public IBackgroundJobClient Client { get; }

    public string Schema { get; }

    /// <summary>Storage and a started server; <paramref name="activator"/> builds the driver's job objects (never Hangfire's static one).</summary>
    public static DriverHangfire Start(string connectionString, string schema, JobActivator activator, int workerCount, TimeSpan schedulePollingInterval)
    {
        var hangfire = CreateStopped(connectionString, schema, activator, workerCount, schedulePollingInterval);
        hangfire.StartServer();
        return hangfire;
    }

    /// <summary>Storage and a client only: jobs wait in the queue until <see cref="StartServer"/>.</summary>
    public static DriverHangfire CreateStopped(string connectionString, string schema, JobActivator activator, int workerCount, TimeSpan schedulePollingInterval)
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
        // The host's Npgsql settings (its ConnectionStringTuning), so the ceiling runs on the same database settings.
        var tuned = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, NoResetOnClose = true }.ConnectionString;
        return new DriverHangfire(
            new PostgreSqlStorage(new NpgsqlConnectionFactory(tuned, options), options), schema, activator, workerCount, schedulePollingInterval);
    }

    public void StartServer() => _server ??= new BackgroundJobServer(
        new BackgroundJobServerOptions
        {
            WorkerCount = _workerCount,
            SchedulePollingInterval = _schedulePollingInterval,
            Activator = _activator,
            ServerName = $"load-driver:{Environment.ProcessId}:{Schema}",
        },
        Storage);

    public async ValueTask DisposeAsync()
    {
        var server = _server;
        _server = null;
        if (server is not null)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(CancellationToken.None);
            server.Dispose();
        }
    }
}
