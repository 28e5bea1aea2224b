using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>A category that groups events, responses and workflows.</summary>
/// <param name="Code">The code events, responses and workflows name (<c>PURCH</c>).</param>
/// <param name="Description">What it groups.</param>
/// <param name="PluginId">The plugin that declared it; null for the host's own (PURCH, SALES, FIN, ADMIN, INT).</param>
public sealed record CatalogCategoryView(string Code, string Description, string? PluginId)
{
    /// <summary>The host's categories first, in their usual order, then the plugins' by code.</summary>
    public static IReadOnlyList<CatalogCategoryView> All(CatalogSnapshot snapshot) =>
    [
        .. snapshot.Categories.Values
            .OrderBy(c => c.PluginId is null ? 0 : 1)
            .ThenBy(c => c.PluginId is null ? IndexOfHostCategory(c.Code) : 0)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CatalogCategoryView(c.Code, c.Description, c.PluginId)),
    ];

    private static int IndexOfHostCategory(string code) =>
        HostCategories.All.Select((category, index) => (category, index)).First(c => c.category.Code == code).index;
}
