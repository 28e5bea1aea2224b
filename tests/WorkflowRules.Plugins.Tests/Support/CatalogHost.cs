using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WorkflowRules.Plugins.Tests.Support;

/// <summary>A real generic host with <c>AddWorkflowPlugins</c>, configured like the product host, over a test's plugin directory.</summary>
public sealed class CatalogHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CatalogHost(IHost host, LogCollector logs)
    {
        _host = host;
        Logs = logs;
    }

    public IPluginCatalog Catalog => _host.Services.GetRequiredService<IPluginCatalog>();

    public IServiceProvider Services => _host.Services;

    public LogCollector Logs { get; }

    /// <summary>Starts a host; by default without watching, so only <see cref="IPluginCatalog.RescanAsync"/> applies changes.</summary>
    public static async Task<CatalogHost> StartAsync(
        PluginDirectory directory, IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Root });
        var configuration = new Dictionary<string, string?>
        {
            ["Plugins:Directory"] = directory.Plugins,
            ["Plugins:ShadowCopyDirectory"] = directory.Shadow,
            ["Plugins:Watch"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new LogCollector();
        builder.Logging.AddProvider(logs);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddWorkflowPlugins(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new CatalogHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
