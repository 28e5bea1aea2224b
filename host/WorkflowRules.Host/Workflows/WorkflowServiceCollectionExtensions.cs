using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Host.Workflows.Transfer;
using WorkflowRules.Host.Workflows.Views;

namespace WorkflowRules.Host.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Defining workflows: the validator and condition pre-compiler (singletons), and per request the store, editor,
    /// lifecycle, remover, copier, exporter, importer and view factory. Needs the plugin catalog, the conditions and
    /// the database; safe to call more than once.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkflowValidator>();
        services.TryAddSingleton<WorkflowConditionCompiler>();
        services.TryAddScoped<WorkflowStore>();
        services.TryAddScoped<WorkflowEditor>();
        services.TryAddScoped<WorkflowLifecycle>();
        services.TryAddScoped<WorkflowRemover>();
        services.TryAddScoped<WorkflowCopier>();
        services.TryAddScoped<WorkflowExporter>();
        services.TryAddScoped<WorkflowImporter>();
        services.TryAddScoped<WorkflowViewFactory>();
        return services;
    }
}
