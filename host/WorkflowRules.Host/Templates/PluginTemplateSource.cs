using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Templates;

/// <summary>The templates of the loaded plugins, from the current catalog snapshot.</summary>
public sealed class PluginTemplateSource(IPluginCatalog catalog) : ITemplateSource
{
    public IReadOnlyList<ShippedTemplate> ListTemplates() =>
        [.. catalog.Current.Templates.Select(t => new ShippedTemplate(t.Code, t.Description, t.Category, t.PluginId, TemplateDefinitionConverter.Convert(t)))];
}
