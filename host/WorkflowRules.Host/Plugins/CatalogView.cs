using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>Everything the loaded plugins offer, in one document, for a workflow designer.</summary>
/// <param name="Generation">Increases whenever a plugin is added, updated or removed: a designer can tell its copy is stale.</param>
/// <param name="Categories">The host's categories and the plugins'.</param>
/// <param name="RecordTypes">Record types with their fields and relations.</param>
/// <param name="Events">Events by function name.</param>
/// <param name="Responses">Responses by function name, with their options.</param>
/// <param name="Combinations">What may follow what.</param>
/// <param name="Templates">Template workflows by code.</param>
public sealed record CatalogView(
    long Generation,
    IReadOnlyList<CatalogCategoryView> Categories,
    IReadOnlyList<CatalogRecordTypeView> RecordTypes,
    IReadOnlyList<CatalogEventView> Events,
    IReadOnlyList<CatalogResponseView> Responses,
    CatalogCombinationsView Combinations,
    IReadOnlyList<CatalogTemplateView> Templates)
{
    public static CatalogView From(CatalogSnapshot snapshot) => new(
        snapshot.Generation,
        CatalogCategoryView.All(snapshot),
        CatalogRecordTypeView.All(snapshot),
        CatalogEventView.All(snapshot),
        CatalogResponseView.All(snapshot),
        CatalogCombinationsView.From(snapshot),
        CatalogTemplateView.All(snapshot));
}
