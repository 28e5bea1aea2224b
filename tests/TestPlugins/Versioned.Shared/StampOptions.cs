using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace TestPlugins.Versioned;

/// <summary>Options with a mandatory text and a bounded number.</summary>
public sealed class StampOptions
{
    [Required]
    [Description("The stamp to put on the label.")]
    public string? Stamp { get; set; }

    [Range(1, 5)]
    public int Repeat { get; set; } = 1;
}
