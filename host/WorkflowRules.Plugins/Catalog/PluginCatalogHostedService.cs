using Microsoft.Extensions.Hosting;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>Loads the plugins when the host starts (before it serves requests) and stops watching when it stops.</summary>
internal sealed class PluginCatalogHostedService(PluginCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalog.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => catalog.StopAsync();
}
