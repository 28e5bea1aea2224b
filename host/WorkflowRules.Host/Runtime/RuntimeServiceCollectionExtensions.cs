using WorkflowRules.Host.Events;

namespace WorkflowRules.Host.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The engine: event intake, continuing and starting instances, the response runner and its event queue.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowDefinitionCache>();
        services.AddSingleton<EnabledWorkflowIndex>();
        services.AddHostedService<EnabledWorkflowWarmup>();
        services.AddSingleton<StepConditionEvaluator>();
        services.AddSingleton<WorkflowMatcher>();
        services.AddSingleton<ContinuationFinder>();
        services.AddSingleton<InstanceFactory>();
        services.AddSingleton<EventProcessor>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton<SlowStepMarker>();
        services.AddSingleton<ResponseStepExecutor>();
        services.AddSingleton<QueuedEventProcessor>();
        services.AddSingleton<InstanceRunner>();
        return services;
    }
}
