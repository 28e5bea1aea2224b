using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>A record type events carry: its fields (recursively) and the record types its records belong to.</summary>
public sealed record CatalogRecordTypeView(
    string Name,
    string Description,
    string PluginId,
    string? PluginVersion,
    IReadOnlyList<CatalogFieldView> Fields,
    IReadOnlyList<CatalogRelationView> BelongsTo)
{
    public static CatalogRecordTypeView From(RecordTypeDescriptor recordType, CatalogSnapshot snapshot) => new(
        recordType.Name,
        recordType.Description,
        recordType.PluginId,
        snapshot.PluginVersions.GetValueOrDefault(recordType.PluginId),
        [.. recordType.Fields.Select(CatalogFieldView.From)],
        [
            .. snapshot.RecordRelations
                .Where(r => r.RecordType == recordType.Name)
                .OrderBy(r => r.RelatedRecordType, StringComparer.Ordinal)
                .Select(r => new CatalogRelationView(r.RelatedRecordType, r.PluginId)),
        ]);

    public static IReadOnlyList<CatalogRecordTypeView> All(CatalogSnapshot snapshot) =>
        [.. snapshot.RecordTypes.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => From(r, snapshot))];
}
