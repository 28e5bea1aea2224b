using WorkflowRules.Host.Access;
using WorkflowRules.Plugins;
using WorkflowRules.Plugins.Diagnostics;

namespace WorkflowRules.Host.Plugins;

/// <summary>
/// <c>/api/catalog</c>: what the loaded plugins offer, for any authenticated caller (a designer UI reads it all at once
/// from <c>GET /api/catalog</c>); <c>/api/plugins</c>: how each plugin folder fared and the plugin load contexts alive
/// in the process, for operators.
/// </summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.MapGroup("/api/catalog").WithTags("Catalog").RequireAuthorization();
        catalog.MapGet("/", CatalogQueries.GetAll).WithSummary("Everything the loaded plugins offer, in one document");
        catalog.MapGet("/events", CatalogQueries.GetEvents).WithSummary("Events, by function name");
        catalog.MapGet("/responses", CatalogQueries.GetResponses).WithSummary("Responses with their options, by function name");
        catalog.MapGet("/combinations", CatalogQueries.GetCombinations).WithSummary("Which events and responses may follow which event, and response pairs");
        catalog.MapGet("/categories", CatalogQueries.GetCategories).WithSummary("The host's categories and the plugins'");
        catalog.MapGet("/record-types", CatalogQueries.GetRecordTypes).WithSummary("Record types with their fields and relations");
        catalog.MapGet("/templates", CatalogQueries.GetTemplates).WithSummary("Template workflows");

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
