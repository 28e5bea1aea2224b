using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins;

public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plugin catalog (<see cref="IPluginCatalog"/>), configured from the <c>Plugins</c> section
    /// (<see cref="PluginOptions"/>, validated on start), and a hosted service that loads the plugins when the host
    /// starts and applies changes to the plugin directory while it runs. Plugins get the host's
    /// <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/> and <see cref="TimeProvider"/>. Also adds
    /// <see cref="IPluginLoadContextMonitor"/>, which counts the plugin load contexts still in memory.
    /// </summary>
    public static IServiceCollection AddWorkflowPlugins(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<PluginOptions>().Bind(configuration.GetSection(PluginOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PluginOptions>, PluginOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PluginCatalog>();
        services.TryAddSingleton<IPluginCatalog>(provider => provider.GetRequiredService<PluginCatalog>());
        services.TryAddSingleton<IPluginLoadContextMonitor>(provider => provider.GetRequiredService<PluginCatalog>());
        services.AddHostedService<PluginCatalogHostedService>();
        return services;
    }
}
