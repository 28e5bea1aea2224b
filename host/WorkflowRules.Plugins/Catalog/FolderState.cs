namespace WorkflowRules.Plugins.Catalog;

/// <summary>What the catalog knows about one folder of the plugin directory.</summary>
internal sealed class FolderState(string name)
{
    public string Name { get; } = name;

    /// <summary>The version loaded from this folder, if any.</summary>
    public PluginVersion? Version { get; set; }

    public PluginStatus? Status { get; set; }

    /// <summary>The content last loaded or refused: unchanged content is not tried again.</summary>
    public string? AppliedFingerprint { get; set; }

    /// <summary>The content seen last, and since when: loaded once it has stayed the same for the debounce period.</summary>
    public string? ObservedFingerprint { get; set; }

    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>Since when the folder has been missing (null while it exists): it is removed once missing for the debounce period.</summary>
    public DateTimeOffset? MissingSince { get; set; }

    /// <summary>The last attempt clashed with another plugin: try again when the catalog changes.</summary>
    public bool RetryOnCatalogChange { get; set; }

    /// <summary>Numbers the shadow copies of this folder.</summary>
    public int Attempts { get; set; }
}
