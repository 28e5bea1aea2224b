using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WorkflowRules.Host.Templates;

public static class TemplateServiceCollectionExtensions
{
    /// <summary>
    /// Templates as read-only workflows: the plugins' templates as a source (the host may add its own
    /// <see cref="ITemplateSource"/>), and a hosted service that materialises them once the host has started and
    /// whenever the plugin catalog changes. Needs the plugin catalog and the database; safe to call more than once.
    /// </summary>
    public static IServiceCollection AddWorkflowTemplates(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITemplateSource, PluginTemplateSource>());
        services.TryAddSingleton<TemplateSynchronizer>();
        services.AddHostedService<TemplateCatalogFollower>();
        return services;
    }
}
