using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkflowRules.Plugins.Loading;

/// <summary>Reads and checks <c>plugin.json</c>, with a message that says how to fix each problem.</summary>
internal static partial class ManifestReader
{
    public static PluginManifest Read(string folderPath)
    {
        var path = Path.Combine(folderPath, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            throw new PluginLoadException($"{PluginManifest.FileName} is missing. A plugin folder holds the plugin's DLLs and a manifest such as {PluginManifest.Example}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new PluginLoadException($"{PluginManifest.FileName} is not valid JSON ({exception.Message}). Expected something like {PluginManifest.Example}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PluginLoadException($"{PluginManifest.FileName} must be a JSON object such as {PluginManifest.Example}.");
            }

            var id = Field(root, "id", IdPattern(), "a lower-case id such as \"purchasing\" (letters, digits, '.', '_', '-')");
            var version = Field(root, "version", VersionPattern(), "a version such as \"1.0.0\"");
            var sdkVersion = Field(root, "sdkVersion", SdkVersionPattern(), "the SDK's major.minor such as \"1.0\"");
            var assembly = Field(root, "assembly", AssemblyPattern(), "the entry assembly's file name such as \"WorkflowRules.Purchasing.dll\" (no folders)");
            return new PluginManifest(id, version, System.Version.Parse(sdkVersion), assembly);
        }
    }

    private static string Field(JsonElement root, string name, Regex pattern, string expected)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new PluginLoadException($"{PluginManifest.FileName} needs \"{name}\": {expected}.");
        }

        var text = value.GetString()!;
        return pattern.IsMatch(text)
            ? text
            : throw new PluginLoadException($"{PluginManifest.FileName} has \"{name}\": \"{text}\"; expected {expected}.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,3}([-+][0-9A-Za-z.+-]+)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex SdkVersionPattern();

    [GeneratedRegex(@"^[^/\\:*?""<>|]+\.dll$", RegexOptions.IgnoreCase)]
    private static partial Regex AssemblyPattern();
}
