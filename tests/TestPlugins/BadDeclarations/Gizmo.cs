namespace TestPlugins.BadDeclarations;

/// <summary>A record type the plugin does declare, for its events and step-tree templates.</summary>
public sealed class Gizmo
{
    public required string No { get; init; }

    public string Name { get; init; } = "";

    public decimal Weight { get; init; }
}
