using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Host.Access;

/// <summary>Settings of section <c>Access</c>.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>
    /// On a fresh install (no key stored yet) this key becomes the first administrator key.
    /// When empty, a random key is generated and written to <see cref="BootstrapKeyFile"/>.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Where a generated first administrator key is written (relative to the data directory).</summary>
    [Required]
    public string BootstrapKeyFile { get; set; } = "admin-api-key.txt";

    /// <summary>How long a verified key is trusted without reading the database again (bounds revocation delay).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
