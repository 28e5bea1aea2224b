using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>
/// A template workflow: either the simple shape (<paramref name="Condition"/> and a chain of <paramref name="Responses"/>)
/// or a full step tree (<paramref name="Steps"/>; the other two are then empty).
/// </summary>
public sealed record CatalogTemplateView(
    string Code,
    string Description,
    string EntryEvent,
    string? Category,
    string? Condition,
    IReadOnlyList<TemplateResponseDescriptor> Responses,
    IReadOnlyList<TemplateStepView> Steps,
    string PluginId,
    string? PluginVersion)
{
    public static CatalogTemplateView From(TemplateDescriptor template, CatalogSnapshot snapshot) => new(
        template.Code,
        template.Description,
        template.EntryEvent,
        template.Category,
        template.Condition,
        template.Responses,
        [.. template.Steps.Select(TemplateStepView.From)],
        template.PluginId,
        snapshot.PluginVersions.GetValueOrDefault(template.PluginId));

    public static IReadOnlyList<CatalogTemplateView> All(CatalogSnapshot snapshot) =>
        [.. snapshot.Templates.Select(t => From(t, snapshot))];
}
