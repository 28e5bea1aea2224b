namespace TestPlugins.Versioned;

/// <summary>An enum field: comparable by its declared order.</summary>
public enum PartGrade
{
    Standard,
    Premium,
}
