namespace TestPlugins.Versioned;

/// <summary>A plugin-private service, registered in Register and injected into the response.</summary>
public interface IStampFormatter
{
    string Format(string stamp, int repeat);
}
