using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>An event a designer can place on a workflow: "When …", the record it carries and the plugin it comes from.</summary>
public sealed record CatalogEventView(
    string FunctionName,
    string Description,
    string? Category,
    string RecordType,
    bool CarriesPreviousRecord,
    string PluginId,
    string? PluginVersion)
{
    public static CatalogEventView From(EventDescriptor descriptor, CatalogSnapshot snapshot) => new(
        descriptor.FunctionName,
        descriptor.Description,
        descriptor.Category,
        descriptor.RecordType.Name,
        descriptor.CarriesPreviousRecord,
        descriptor.PluginId,
        snapshot.PluginVersions.GetValueOrDefault(descriptor.PluginId));

    public static IReadOnlyList<CatalogEventView> All(CatalogSnapshot snapshot) =>
        [.. snapshot.Events.Values.OrderBy(e => e.FunctionName, StringComparer.Ordinal).Select(e => From(e, snapshot))];
}
