using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Embedded;

namespace WorkflowRules.Host.Database;

public static partial class DatabaseSetup
{
    public const string ConnectionStringName = "WorkflowRules";

    /// <summary>
    /// Registers persistence and migrations. A configured <c>ConnectionStrings:WorkflowRules</c> always
    /// wins; without one the host starts a private PostgreSQL cluster in its data directory (and stops it
    /// on shutdown), so the product runs on a fresh machine with no configuration.
    /// </summary>
    /// <returns>The connection string in use, with the host's <see cref="ConnectionStringTuning"/>.</returns>
    public static async Task<string> AddWorkflowDatabaseAsync(this WebApplicationBuilder builder)
    {
        var dataDirectory = Path.GetFullPath(
            builder.Configuration.GetSection(DataDirectoryOptions.SectionName).Get<DataDirectoryOptions>()?.Path ?? ".data",
            builder.Environment.ContentRootPath);
        builder.Services.AddOptions<DataDirectoryOptions>().Configure(options => options.Path = dataDirectory);

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var server = await StartEmbeddedAsync(builder, dataDirectory);
            builder.Services.AddSingleton(server);
            builder.Services.AddHostedService<EmbeddedDatabaseLifetime>();
            connectionString = server.ConnectionString;
        }

        connectionString = ConnectionStringTuning.Apply(connectionString);
        builder.Services.AddWorkflowPersistence(connectionString);
        builder.Services.AddHostedService<DatabaseMigrationService>();
        return connectionString;
    }

    private static async Task<EmbeddedPostgresServer> StartEmbeddedAsync(WebApplicationBuilder builder, string dataDirectory)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var logger = loggerFactory.CreateLogger(typeof(DatabaseSetup).FullName!);
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(dataDirectory, "postgres") };
        builder.Configuration.GetSection("EmbeddedPostgres").Bind(options);
        LogStartingEmbedded(logger, options.DataDirectory);
        return await EmbeddedPostgresServer.StartAsync(options, logger, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No ConnectionStrings:WorkflowRules configured: starting a private PostgreSQL in {DataDirectory}.")]
    private static partial void LogStartingEmbedded(ILogger logger, string dataDirectory);
}
