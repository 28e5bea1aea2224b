using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace WorkflowRules.Host.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on PostgreSQL (own schema), the outbox dispatcher and the job types. The storage
    /// and activator are registered in DI before <c>AddHangfire</c>, so no part of this host relies on
    /// Hangfire's static <c>JobStorage.Current</c> or <c>JobActivator.Current</c> (two hosts in one process would otherwise share them).
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
                EnableLongPolling = options.EnableLongPolling,
                InvisibilityTimeout = options.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                // A crashed process's locks must not block others for Hangfire's default 10 minutes.
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        });
        // Hangfire's default activator is its static JobActivator.Current (last host configured wins): with two hosts
        // in one process a job would be built from the other host's container. Each host brings its own.
        services.AddSingleton<JobActivator>(serviceProvider => new AspNetCoreJobActivator(serviceProvider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((serviceProvider, hangfire) => hangfire
            .UseLogProvider(new HangfireLogBridge(serviceProvider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Decided at registration: an API-only host (WorkerCount 0) runs no Hangfire server at all, and by default no
        // dispatcher either (its outbox rows go out from the hosts with workers).
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.WorkerCount > 0)
        {
            services.AddHangfireServer((serviceProvider, server) =>
            {
                var options = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddSingleton<OutboxSignal>();
        if (jobs.DispatchesOutbox)
        {
            services.AddHostedService<OutboxDispatcher>();
            services.AddHostedService(serviceProvider => ActivatorUtilities.CreateInstance<OutboxWakeListener>(serviceProvider, connectionString));
        }
        else
        {
            services.AddHostedService<OutboxWakeNotifier>();
        }

        services.AddTransient<RunInstanceJob>();
        services.AddTransient<RunInstancesJob>();
        return services;
    }
}
