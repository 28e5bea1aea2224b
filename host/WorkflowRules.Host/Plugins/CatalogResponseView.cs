using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>A response a designer can place on a workflow: "Then …", its options and the plugin it comes from.</summary>
public sealed record CatalogResponseView(
    string FunctionName,
    string Description,
    string? Category,
    string PluginId,
    string? PluginVersion,
    IReadOnlyList<CatalogOptionView> Options)
{
    public static CatalogResponseView From(ResponseDescriptor descriptor, CatalogSnapshot snapshot) => new(
        descriptor.FunctionName,
        descriptor.Description,
        descriptor.Category,
        descriptor.PluginId,
        snapshot.PluginVersions.GetValueOrDefault(descriptor.PluginId),
        [.. descriptor.OptionSchema.Select(CatalogOptionView.From)]);

    public static IReadOnlyList<CatalogResponseView> All(CatalogSnapshot snapshot) =>
        [.. snapshot.Responses.Values.OrderBy(r => r.FunctionName, StringComparer.Ordinal).Select(r => From(r, snapshot))];
}
