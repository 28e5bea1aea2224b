using System.ComponentModel.DataAnnotations;

namespace TestPlugins.Flaky;

public sealed class Ticket
{
    [Required]
    public required string Id { get; init; }

    public string Title { get; init; } = "";
}
