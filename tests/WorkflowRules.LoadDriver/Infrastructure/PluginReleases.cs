using System.Text.Json.Nodes;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// Two builds of one plugin (the built one, and the same with the next patch version in its manifest) and the two
/// ways an operator deploys a build over a running host's plugin folder: copy the files over the old ones, or delete
/// the folder and copy the new one in. Every deployed file gets a fresh write time, as a new build's files would.
/// </summary>
internal sealed class PluginReleases
{
    private readonly string[] _folders;

    private PluginReleases(string[] folders, string[] versions)
    {
        _folders = folders;
        Versions = versions;
    }

    /// <summary>The manifest versions of the two releases.</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>Keeps <paramref name="liveFolder"/>'s content as the first release and writes a second with the next patch version.</summary>
    public static PluginReleases Prepare(string liveFolder, string releasesDirectory)
    {
        var first = Path.Combine(releasesDirectory, "a");
        var second = Path.Combine(releasesDirectory, "b");
        Scenarios.ScenarioContext.CopyDirectory(liveFolder, first);
        Scenarios.ScenarioContext.CopyDirectory(liveFolder, second);
        var manifestPath = Path.Combine(second, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var firstVersion = (string)manifest["version"]!;
        var parts = firstVersion.Split('.');
        parts[^1] = (int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secondVersion = string.Join('.', parts);
        manifest["version"] = secondVersion;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return new PluginReleases([first, second], [firstVersion, secondVersion]);
    }

    /// <summary>Deploys a release over the host's plugin folder.</summary>
    /// <param name="release">0 or 1, an index into <see cref="Versions"/>.</param>
    /// <param name="liveFolder">The plugin's folder in the host's plugin directory.</param>
    /// <param name="replaceFolder">Delete the folder first (a clean deployment) instead of overwriting its files.</param>
    public void Deploy(int release, string liveFolder, bool replaceFolder)
    {
        if (replaceFolder)
        {
            Directory.Delete(liveFolder, recursive: true);
        }

        var source = _folders[release];
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Directory.CreateDirectory(liveFolder);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(liveFolder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            File.SetLastWriteTimeUtc(target, now);
        }
    }
}
