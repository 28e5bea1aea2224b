namespace WorkflowRules.Plugins.Loading;

/// <summary>A plugin folder's <c>plugin.json</c>.</summary>
/// <param name="Id">Lower-case id, unique among loaded plugins (e.g. <c>purchasing</c>).</param>
/// <param name="Version">The plugin's own version (e.g. <c>1.0.0</c>).</param>
/// <param name="SdkVersion">The WorkflowRules.Sdk major.minor it was built against (e.g. <c>1.0</c>).</param>
/// <param name="Assembly">The file name of the assembly holding the plugin's entry point.</param>
internal sealed record PluginManifest(string Id, string Version, Version SdkVersion, string Assembly)
{
    public const string FileName = "plugin.json";

    public const string Example =
        """{ "id": "purchasing", "version": "1.0.0", "sdkVersion": "1.0", "assembly": "WorkflowRules.Purchasing.dll" }""";
}
