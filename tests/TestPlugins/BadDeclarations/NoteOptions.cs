using System.ComponentModel.DataAnnotations;

namespace TestPlugins.BadDeclarations;

/// <summary>Options with a mandatory text.</summary>
public sealed class NoteOptions
{
    [Required]
    public string? Text { get; set; }
}
