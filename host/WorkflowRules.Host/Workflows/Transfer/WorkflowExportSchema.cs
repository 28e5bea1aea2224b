using System.Globalization;
using System.Resources;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>The JSON Schema of <see cref="WorkflowTransferDocument"/>, embedded in the host (WorkflowExportSchema.resx).</summary>
public static class WorkflowExportSchema
{
    public const string MediaType = "application/schema+json";

    private static readonly Lazy<string> s_json = new(() =>
        new ResourceManager(typeof(WorkflowExportSchema)).GetString("Schema", CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException("The export schema resource is missing from the host assembly."));

    public static string Json => s_json.Value;
}
