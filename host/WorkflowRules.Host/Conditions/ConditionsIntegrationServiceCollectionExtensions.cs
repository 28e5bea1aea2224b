using Microsoft.Extensions.Options;
using WorkflowRules.Conditions;
using WorkflowRules.Host.Database;

namespace WorkflowRules.Host.Conditions;

public static class ConditionsIntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Connects the condition compiler to the plugin catalog (record types for scripts, unloading on plugin
    /// retirement) and, unless configured otherwise, keeps compiled conditions in the data directory so that a
    /// restart loads them instead of compiling every enabled workflow's conditions again.
    /// </summary>
    public static IServiceCollection AddWorkflowConditionsIntegration(this IServiceCollection services)
    {
        services.AddOptions<ConditionOptions>().PostConfigure<IOptions<DataDirectoryOptions>>((options, dataDirectory) =>
            options.CompiledCacheDirectory ??= Path.Combine(dataDirectory.Value.Path, "condition-cache"));
        services.AddSingleton<IConditionRecordTypeResolver, PluginRecordTypeResolver>();
        services.AddHostedService<CompiledConditionJanitor>();
        return services;
    }
}
