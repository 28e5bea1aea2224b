using WorkflowRules.Sdk.Plugins;

namespace TestPlugins.Versioned;

/// <summary>What differs in version 1: its text, and nothing extra.</summary>
internal static class VersionInfo
{
    public const string Text = "v1";

    public static void AddExtras(IWorkflowPluginBuilder builder) => _ = builder;
}
