namespace WorkflowRules.Plugins;

/// <summary>How a plugin folder fared.</summary>
public enum PluginState
{
    /// <summary>New and still changing: it is loaded once it stays unchanged for the debounce period.</summary>
    Pending,

    /// <summary>Loaded; its record types, events, responses and templates are in the catalog.</summary>
    Loaded,

    /// <summary>Refused; <see cref="PluginStatus.Error"/> says why. It is tried again when the folder changes.</summary>
    Failed,
}
