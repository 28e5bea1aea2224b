using System.Runtime.Loader;
using System.Text.Json;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Plugins.Json;
using WorkflowRules.Plugins.Loading;

namespace WorkflowRules.Plugins.Catalog;

/// <summary>
/// One loaded version of one plugin folder: its load context, serializer options, services and descriptors.
/// It is the unit leases count: it unloads once it is no longer current and its last lease ends.
/// </summary>
internal sealed class PluginVersion(
    PluginManifest manifest,
    string folderName,
    string shadowPath,
    PluginLoader loader,
    AssemblyLoadContext loadContext,
    CatalogState state)
{
    public PluginManifest Manifest { get; } = manifest;

    public string Id => Manifest.Id;

    public string Version => Manifest.Version;

    public string FolderName { get; } = folderName;

    /// <summary>The copy the assemblies were loaded from.</summary>
    public string ShadowPath { get; } = shadowPath;

    public PluginLoader Loader { get; } = loader;

    public AssemblyLoadContext LoadContext { get; } = loadContext;

    /// <summary>This version's own serializer options: their metadata cache holds its types and goes with it.</summary>
    public JsonSerializerOptions JsonOptions { get; } = PluginJsonOptions.Create();

    /// <summary>What reading records and options needs of this version's types, read once; goes with the version too.</summary>
    public JsonContracts JsonContracts { get; } = new();

    /// <summary>The plugin's services plus the host's logging and time; set once registration succeeded.</summary>
    public ServiceProvider? Services { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public IReadOnlyList<RecordTypeDescriptor> RecordTypes { get; set; } = [];

    public IReadOnlyList<EventDescriptor> Events { get; set; } = [];

    public IReadOnlyList<ResponseDescriptor> Responses { get; set; } = [];

    public IReadOnlyList<TemplateDescriptor> Templates { get; set; } = [];

    public IReadOnlyList<(string PrecedingEvent, string FollowingEvent)> EventCombinations { get; set; } = [];

    public IReadOnlyList<(string PrecedingEvent, string Response)> ResponseCombinations { get; set; } = [];

    public IReadOnlyList<CategoryDescriptor> Categories { get; set; } = [];

    public IReadOnlyList<RecordRelationDescriptor> RecordRelations { get; set; } = [];

    public IReadOnlyList<ResponsePairDescriptor> ResponsePairs { get; set; } = [];

    // Guarded by the CatalogState's lock.
    internal int Leases { get; set; }

    internal bool Retired { get; set; }

    internal bool Unloading { get; set; }

    public IReadOnlyList<string> FunctionNames =>
        [.. Events.Select(e => e.FunctionName), .. Responses.Select(r => r.FunctionName)];

    /// <summary>Keeps the version loaded while plugin code runs outside a lease.</summary>
    /// <exception cref="ObjectDisposedException">The version was unloaded.</exception>
    public void Pin()
    {
        if (!state.TryPin(this))
        {
            throw new ObjectDisposedException(
                $"plugin {Id} {Version}", $"Plugin {Id} {Version} was replaced or removed and has unloaded: take a CatalogLease to use plugin code.");
        }
    }

    public void Unpin() => state.Unpin(this);

    public override string ToString() => $"{Id} {Version} (folder '{FolderName}')";
}
