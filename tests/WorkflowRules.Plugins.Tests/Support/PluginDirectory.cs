using System.Reflection;
using System.Text.Json.Nodes;

namespace WorkflowRules.Plugins.Tests.Support;

/// <summary>
/// A temporary plugin directory (plus a shadow-copy directory) that a test fills with copies of real plugin folders
/// built to <c>artifacts/plugins</c> and <c>artifacts/test-plugins</c>.
/// </summary>
public sealed class PluginDirectory : IDisposable
{
    public PluginDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "workflowrules-plugin-tests", Guid.NewGuid().ToString("N"));
        Plugins = Path.Combine(Root, "plugins");
        Shadow = Path.Combine(Root, "shadow");
        Directory.CreateDirectory(Plugins);
    }

    public static string Artifacts { get; } = typeof(PluginDirectory).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ArtifactsDirectory").Value!;

    public string Root { get; }

    public string Plugins { get; }

    public string Shadow { get; }

    /// <summary>Copies a product plugin (<c>artifacts/plugins/&lt;id&gt;</c>) in.</summary>
    public string AddProductPlugin(string id, string? folder = null) => CopyIn(Path.Combine(Artifacts, "plugins", id), folder ?? id);

    /// <summary>Copies a test plugin (<c>artifacts/test-plugins/&lt;name&gt;</c>) in.</summary>
    public string AddTestPlugin(string name, string? folder = null) => CopyIn(Path.Combine(Artifacts, "test-plugins", name), folder ?? name);

    /// <summary>Copies another build over a folder's files, as a deployment would.</summary>
    public void OverwriteWithTestPlugin(string folder, string name) => CopyIn(Path.Combine(Artifacts, "test-plugins", name), folder);

    public string PathOf(string folder, string file = "") => Path.Combine(Plugins, folder, file);

    public void EditManifest(string folder, Action<JsonObject> edit)
    {
        var path = PathOf(folder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    public void Remove(string folder) => Directory.Delete(PathOf(folder), recursive: true);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not fail a test.
        }
    }

    private string CopyIn(string source, string folder)
    {
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"{source} is missing: build the plugin projects first (the test project references them).");
        }

        var destination = PathOf(folder);
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return folder;
    }
}
