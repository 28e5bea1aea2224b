using System.ComponentModel.DataAnnotations;

namespace TestPlugins.Versioned;

/// <summary>The test record: required and optional members, a nested list, data annotations.</summary>
public sealed class Widget
{
    [Required]
    public required string No { get; init; }

    [Range(0, 1000)]
    public int Quantity { get; init; }

    public string? Label { get; init; }

    public DateOnly? MadeOn { get; init; }

    public IReadOnlyList<WidgetPart> Parts { get; init; } = [];

    public Widget WithLabel(string? label) => new() { No = No, Quantity = Quantity, Label = label, MadeOn = MadeOn, Parts = Parts };
}
