namespace TestPlugins.ThrowingRegister;

/// <summary>A record the failing plugin declares before it throws.</summary>
public sealed class Gadget
{
    public required string No { get; init; }
}
