namespace TestPlugins.BadDeclarations;

/// <summary>A record type the plugin forgets to declare.</summary>
public sealed class Thing
{
    public required string No { get; init; }
}
