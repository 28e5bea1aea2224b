namespace WorkflowRules.Host.Templates;

/// <summary>
/// Something that ships templates. The plugins do (<see cref="PluginTemplateSource"/>); the host can ship its own by
/// registering another source (<c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;ITemplateSource, X&gt;())</c>).
/// </summary>
public interface ITemplateSource
{
    /// <summary>The templates shipped now; read at start-up, whenever the plugin catalog changes, and on reset.</summary>
    IReadOnlyList<ShippedTemplate> ListTemplates();
}
