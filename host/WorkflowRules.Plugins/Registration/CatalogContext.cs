using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins.Registration;

/// <summary>What the other loaded plugins already provide, to check a new plugin's names against.</summary>
internal sealed class CatalogContext
{
    public CatalogContext(IEnumerable<PluginVersion> others)
    {
        foreach (var other in others)
        {
            PluginIds.TryAdd(other.Id, other);
            foreach (var recordType in other.RecordTypes)
            {
                RecordTypes.TryAdd(recordType.Name, other);
            }

            foreach (var descriptor in other.Events)
            {
                FunctionOwners.TryAdd(descriptor.FunctionName, other);
                Events.TryAdd(descriptor.FunctionName, descriptor);
            }

            foreach (var descriptor in other.Responses)
            {
                FunctionOwners.TryAdd(descriptor.FunctionName, other);
                Responses.TryAdd(descriptor.FunctionName, descriptor);
            }

            foreach (var template in other.Templates)
            {
                Templates.TryAdd(template.Code, other);
            }

            foreach (var category in other.Categories)
            {
                Categories.TryAdd(category.Code, other);
            }
        }
    }

    public Dictionary<string, PluginVersion> PluginIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, PluginVersion> RecordTypes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PluginVersion> FunctionOwners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EventDescriptor> Events { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ResponseDescriptor> Responses { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PluginVersion> Templates { get; } = new(StringComparer.Ordinal);

    /// <summary>The categories other plugins declared (not the host's own, <see cref="HostCategories"/>).</summary>
    public Dictionary<string, PluginVersion> Categories { get; } = new(StringComparer.Ordinal);
}
