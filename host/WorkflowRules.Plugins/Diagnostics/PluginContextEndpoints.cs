using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WorkflowRules.Plugins.Diagnostics;

/// <summary>
/// <c>GET contexts</c> and <c>POST contexts/collect</c> under the host's plugin group: the plugin load contexts alive
/// in the process (<see cref="PluginLoadContextReport"/>). Defined here, beside what they report, so their shape is
/// tested with the catalog; the host decides where they live and who may call them.
/// </summary>
public static class PluginContextEndpoints
{
    /// <param name="plugins">The plugin group, e.g. <c>/api/plugins</c>.</param>
    /// <param name="readPolicy">Who may read the counts (cheap, no side effect).</param>
    /// <param name="collectPolicy">Who may force a collection first (full blocking garbage collections: keep it to administrators).</param>
    public static IEndpointRouteBuilder MapPluginContexts(this IEndpointRouteBuilder plugins, string readPolicy, string collectPolicy)
    {
        plugins.MapGet("/contexts", (IPluginLoadContextMonitor monitor) => TypedResults.Ok(monitor.Report()))
            .WithSummary("Plugin load contexts alive in the process: loaded, draining (pinned by leases), unloaded but not yet collected.")
            .RequireAuthorization(readPolicy);
        plugins.MapPost("/contexts/collect", (IPluginLoadContextMonitor monitor) => TypedResults.Ok(monitor.CollectAndReport()))
            .WithSummary("Runs full garbage collections until no unloaded plugin context is left (or a few tried), then reports as GET does.")
            .RequireAuthorization(collectPolicy);
        return plugins;
    }
}
