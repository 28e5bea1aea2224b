namespace WorkflowRules.Plugins.Catalog;

/// <summary>What a scan changed: a new snapshot (null when nothing changed), the versions it retired, and whether folders are still settling.</summary>
internal sealed record ReconcileResult(CatalogSnapshot? Snapshot, IReadOnlyCollection<PluginVersion> Retired, bool Pending);
