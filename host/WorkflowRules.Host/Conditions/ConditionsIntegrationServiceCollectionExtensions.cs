using WorkflowRules.Conditions;

namespace WorkflowRules.Host.Conditions;

public static class ConditionsIntegrationServiceCollectionExtensions
{
    /// <summary>Connects the condition compiler to the plugin catalog: record types for scripts, unloading on plugin retirement.</summary>
    public static IServiceCollection AddWorkflowConditionsIntegration(this IServiceCollection services)
    {
        services.AddSingleton<IConditionRecordTypeResolver, PluginRecordTypeResolver>();
        services.AddHostedService<CompiledConditionJanitor>();
        return services;
    }
}
