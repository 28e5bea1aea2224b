using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins;

/// <summary>An immutable view of the catalog; a new one replaces it whenever a plugin folder is added, changed or removed.</summary>
public sealed class CatalogSnapshot
{
    internal CatalogSnapshot(long generation, IReadOnlyList<PluginVersion> versions, IReadOnlyList<PluginStatus> plugins)
    {
        Generation = generation;
        Versions = versions;
        Plugins = plugins;
        var ordered = versions.OrderBy(v => v.FolderName, StringComparer.Ordinal).ToList();
        RecordTypes = ordered.SelectMany(v => v.RecordTypes).ToDictionary(r => r.Name, StringComparer.Ordinal);
        Events = ordered.SelectMany(v => v.Events).ToDictionary(e => e.FunctionName, StringComparer.Ordinal);
        Responses = ordered.SelectMany(v => v.Responses).ToDictionary(r => r.FunctionName, StringComparer.Ordinal);
        Templates = [.. ordered.SelectMany(v => v.Templates).OrderBy(t => t.Code, StringComparer.Ordinal)];
        EventCombinations = [.. ordered.SelectMany(v => v.EventCombinations)];
        ResponseCombinations = [.. ordered.SelectMany(v => v.ResponseCombinations)];
        Categories = HostCategories.All.Concat(ordered.SelectMany(v => v.Categories))
            .DistinctBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(c => c.Code, StringComparer.Ordinal);
        RecordRelations = [.. ordered.SelectMany(v => v.RecordRelations)];
        ResponsePairs = [.. ordered.SelectMany(v => v.ResponsePairs)];
        PluginVersions = ordered.DistinctBy(v => v.Id, StringComparer.Ordinal).ToDictionary(v => v.Id, v => v.Version, StringComparer.Ordinal);
    }

    internal static CatalogSnapshot Empty { get; } = new(0, [], []);

    /// <summary>Increases by one with every snapshot.</summary>
    public long Generation { get; }

    /// <summary>Record types by name.</summary>
    public IReadOnlyDictionary<string, RecordTypeDescriptor> RecordTypes { get; }

    /// <summary>Events by function name.</summary>
    public IReadOnlyDictionary<string, EventDescriptor> Events { get; }

    /// <summary>Responses by function name.</summary>
    public IReadOnlyDictionary<string, ResponseDescriptor> Responses { get; }

    /// <summary>Template workflows, by code.</summary>
    public IReadOnlyList<TemplateDescriptor> Templates { get; }

    /// <summary>Which events may follow which event; an event that appears in no pair may follow any event.</summary>
    public IReadOnlyList<(string PrecedingEvent, string FollowingEvent)> EventCombinations { get; }

    /// <summary>Which responses may follow which event; a response that appears in no pair may follow any event.</summary>
    public IReadOnlyList<(string PrecedingEvent, string Response)> ResponseCombinations { get; }

    /// <summary>Categories by code: the host's own, then those plugins add (a plugin cannot redefine one).</summary>
    public IReadOnlyDictionary<string, CategoryDescriptor> Categories { get; }

    /// <summary>Which record types belong to which (an event on the first also continues instances of the second).</summary>
    public IReadOnlyList<RecordRelationDescriptor> RecordRelations { get; }

    /// <summary>Responses that a workflow may only use together with another.</summary>
    public IReadOnlyList<ResponsePairDescriptor> ResponsePairs { get; }

    /// <summary>The version of each loaded plugin, by plugin id.</summary>
    public IReadOnlyDictionary<string, string> PluginVersions { get; }

    /// <summary>Every folder of the plugin directory, loaded or not, by folder name.</summary>
    public IReadOnlyList<PluginStatus> Plugins { get; }

    /// <summary>The plugin versions this snapshot uses (what a lease pins).</summary>
    internal IReadOnlyList<PluginVersion> Versions { get; }

    /// <summary>The record type whose CLR type is <paramref name="clrType"/> (e.g. to serialize a response's updated record).</summary>
    public RecordTypeDescriptor? FindRecordType(Type clrType) =>
        RecordTypes.Values.FirstOrDefault(r => r.ClrType == clrType);
}
