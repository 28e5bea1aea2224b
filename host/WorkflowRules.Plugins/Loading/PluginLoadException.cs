namespace WorkflowRules.Plugins.Loading;

/// <summary>A plugin folder cannot be loaded; the message says why, for the plugin status and the log.</summary>
internal sealed class PluginLoadException : Exception
{
    public PluginLoadException()
    {
    }

    public PluginLoadException(string message)
        : base(message)
    {
    }

    public PluginLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failure is a clash with another loaded plugin; it is retried when the catalog changes.</summary>
    public bool IsConflict { get; init; }
}
