using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace WorkflowRules.Host.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on PostgreSQL (own schema), the outbox dispatcher and the job types. The storage is
    /// registered in DI before <c>AddHangfire</c>, so no part of this host relies on Hangfire's static
    /// <c>JobStorage.Current</c> (two hosts in one process would otherwise share it).
    /// </summary>
    public static IServiceCollection AddWorkflowJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<JobStorage>(serviceProvider =>
        {
            var options = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = options.SchemaName,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                // Wakes workers through LISTEN/NOTIFY when a job is enqueued, instead of waiting for the poll.
                EnableLongPolling = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                // A crashed process's locks must not block others for Hangfire's default 10 minutes.
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        });
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((serviceProvider, server) =>
        {
            var options = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = Math.Max(1, options.WorkerCount);
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });

        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddTransient<RunInstanceJob>();
        return services;
    }
}
