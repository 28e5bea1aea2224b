namespace WorkflowRules.Host.Plugins;

/// <summary>A record type that records of another belong to: their events also continue its running workflows.</summary>
/// <param name="RecordType">The record type they belong to (it may come from a plugin that is not loaded now).</param>
/// <param name="PluginId">The plugin that declared the relation.</param>
public sealed record CatalogRelationView(string RecordType, string PluginId);
