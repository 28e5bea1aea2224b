using WorkflowRules.Host.Access;
using WorkflowRules.Plugins;
using WorkflowRules.Plugins.Diagnostics;

namespace WorkflowRules.Host.Plugins;

/// <summary>
/// <c>/api/catalog</c> and <c>/api/plugins</c>: what the loaded plugins offer, how each plugin folder fared, and the
/// plugin load contexts alive in the process (<c>/api/plugins/contexts</c>).
/// </summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.MapGroup("/api/catalog").WithTags("Catalog").RequireAuthorization();
        catalog.MapGet("/events", (IPluginCatalog plugins) => TypedResults.Ok(
            plugins.Current.Events.Values.OrderBy(e => e.FunctionName).Select(e => new
            {
                e.FunctionName, e.Description, RecordType = e.RecordType.Name, e.CarriesPreviousRecord, e.Category, e.PluginId,
            })));
        catalog.MapGet("/responses", (IPluginCatalog plugins) => TypedResults.Ok(
            plugins.Current.Responses.Values.OrderBy(r => r.FunctionName).Select(r => new
            {
                r.FunctionName, r.Description, r.Category, r.PluginId, Options = r.OptionSchema,
            })));
        catalog.MapGet("/record-types", (IPluginCatalog plugins) => TypedResults.Ok(
            plugins.Current.RecordTypes.Values.OrderBy(r => r.Name).Select(r => new { r.Name, r.Description, r.PluginId })));
        catalog.MapGet("/templates", (IPluginCatalog plugins) => TypedResults.Ok(plugins.Current.Templates));

        var admin = endpoints.MapGroup("/api/plugins").WithTags("Plugins").RequireAuthorization(AuthorizationPolicies.Operate);
        admin.MapGet("/", (IPluginCatalog plugins) => TypedResults.Ok(plugins.Current.Plugins));
        admin.MapPost("/rescan", async (IPluginCatalog plugins, CancellationToken cancellationToken) =>
        {
            await plugins.RescanAsync(cancellationToken);
            return TypedResults.Ok(plugins.Current.Plugins);
        }).RequireAuthorization(AuthorizationPolicies.Administer);
        admin.MapPluginContexts(readPolicy: AuthorizationPolicies.Operate, collectPolicy: AuthorizationPolicies.Administer);
        return endpoints;
    }
}
