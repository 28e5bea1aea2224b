namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>
/// The export/import file: workflows with every field of every step, so a round trip loses nothing. Its JSON Schema
/// is served at <c>GET /api/workflows/export/schema</c>.
/// </summary>
public sealed record WorkflowTransferDocument
{
    /// <summary>The only format this host writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public int? FormatVersion { get; init; }

    public DateTimeOffset? ExportedAt { get; init; }

    public IReadOnlyList<WorkflowTransferItem?>? Workflows { get; init; }
}
