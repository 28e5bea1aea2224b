namespace TestPlugins.Versioned;

/// <summary>Formats stamps with the plugin version's text, so tests see which version ran.</summary>
public sealed class StampFormatter : IStampFormatter
{
    public string Format(string stamp, int repeat) => string.Join(" ", Enumerable.Repeat(stamp, repeat)) + " by " + VersionInfo.Text;
}
