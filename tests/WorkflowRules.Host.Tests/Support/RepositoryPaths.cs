using System.Reflection;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>Where the built plugin folders and the scripts of this checkout are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string ProductPlugin(string id) => Path.Combine(Root, "artifacts", "plugins", id);

    public static string TestPlugin(string id) => Path.Combine(Root, "artifacts", "test-plugins", id);

    public static string Scripts => Path.Combine(Root, "scripts");

    public static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
