using Microsoft.AspNetCore.Http.HttpResults;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>
/// The reads behind <c>/api/catalog</c>. Each reads <see cref="IPluginCatalog.Current"/> once (no lease: descriptors
/// are read, no plugin code runs), so one answer never mixes two snapshots.
/// </summary>
internal static class CatalogQueries
{
    public static Ok<CatalogView> GetAll(IPluginCatalog plugins) => TypedResults.Ok(CatalogView.From(plugins.Current));

    public static Ok<IReadOnlyList<CatalogEventView>> GetEvents(IPluginCatalog plugins) => TypedResults.Ok(CatalogEventView.All(plugins.Current));

    public static Ok<IReadOnlyList<CatalogResponseView>> GetResponses(IPluginCatalog plugins) => TypedResults.Ok(CatalogResponseView.All(plugins.Current));

    public static Ok<CatalogCombinationsView> GetCombinations(IPluginCatalog plugins) => TypedResults.Ok(CatalogCombinationsView.From(plugins.Current));

    public static Ok<IReadOnlyList<CatalogCategoryView>> GetCategories(IPluginCatalog plugins) => TypedResults.Ok(CatalogCategoryView.All(plugins.Current));

    public static Ok<IReadOnlyList<CatalogRecordTypeView>> GetRecordTypes(IPluginCatalog plugins) => TypedResults.Ok(CatalogRecordTypeView.All(plugins.Current));

    public static Ok<IReadOnlyList<CatalogTemplateView>> GetTemplates(IPluginCatalog plugins) => TypedResults.Ok(CatalogTemplateView.All(plugins.Current));
}
