using System.ComponentModel.DataAnnotations;

namespace TestPlugins.Versioned;

/// <summary>A nested record, to test paths such as <c>parts[1].count</c>; its sub-parts make the class refer to itself.</summary>
public sealed class WidgetPart
{
    public required string Name { get; init; }

    [Range(1, 100)]
    public int Count { get; init; } = 1;

    public PartGrade Grade { get; init; }

    public IReadOnlyList<WidgetPart> SubParts { get; init; } = [];
}
