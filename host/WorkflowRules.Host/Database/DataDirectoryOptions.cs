using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Host.Database;

/// <summary>Settings of section <c>Storage</c>: where the host keeps its own files (embedded PostgreSQL, the first admin key).</summary>
public sealed class DataDirectoryOptions
{
    public const string SectionName = "Storage";

    /// <summary>Absolute, or relative to the content root.</summary>
    [Required]
    public string Path { get; set; } = ".data";
}
