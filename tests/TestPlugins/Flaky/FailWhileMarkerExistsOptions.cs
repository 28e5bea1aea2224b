using System.ComponentModel.DataAnnotations;

namespace TestPlugins.Flaky;

public sealed class FailWhileMarkerExistsOptions
{
    [Required]
    public string? MarkerFile { get; set; }
}
