using System.Text.Json.Serialization;

namespace WorkflowRules.Host.Workflows.Views;

/// <summary>
/// A workflow as the API shows it: the header, the current version's steps and whether they can run now, the draft
/// waiting to be published (if any) and the version history.
/// </summary>
/// <param name="Code">Unique code.</param>
/// <param name="Description">What it does.</param>
/// <param name="Category">Category code, or null.</param>
/// <param name="Enabled">Whether new instances start on it.</param>
/// <param name="IsTemplate">A read-only template shipped by a plugin (or the host).</param>
/// <param name="TemplateSource">For a template: the plugin id (or <c>host</c>) that ships it.</param>
/// <param name="Version">The current version's number.</param>
/// <param name="EntryEvent">The current version's entry event.</param>
/// <param name="Steps">The current version's steps.</param>
/// <param name="Valid">Whether the current version passes every enabling check now.</param>
/// <param name="Problems">Why not, keyed by step (<c>steps[4].options.text</c>) or field (<c>category</c>).</param>
/// <param name="Draft">The edit waiting to be published, with its own steps and problems; null when there is none.</param>
/// <param name="Versions">Every version, oldest first.</param>
/// <param name="CreatedAt">When the workflow was created.</param>
/// <param name="UpdatedAt">When it last changed (header, state, versions).</param>
/// <param name="ETag">Send it back in <c>If-Match</c> to change the workflow only if nobody changed it since.</param>
public sealed record WorkflowView(
    string Code,
    string Description,
    string? Category,
    bool Enabled,
    bool IsTemplate,
    string? TemplateSource,
    int? Version,
    string? EntryEvent,
    IReadOnlyList<StepView> Steps,
    bool Valid,
    IDictionary<string, string[]> Problems,
    WorkflowVersionView? Draft,
    IReadOnlyList<WorkflowVersionSummary> Versions,
    [property: JsonPropertyName("etag")] string ETag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
