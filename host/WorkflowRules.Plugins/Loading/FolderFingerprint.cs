using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WorkflowRules.Plugins.Loading;

/// <summary>
/// Identifies a folder's content cheaply: every file's relative path, size and last write time, plus the manifest's
/// bytes (so a new version is noticed even when sizes and times happen to match).
/// </summary>
internal static class FolderFingerprint
{
    /// <exception cref="IOException">The folder changed or vanished while it was read.</exception>
    public static string Compute(string folderPath)
    {
        var builder = new StringBuilder();
        var files = Directory.EnumerateFiles(folderPath, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(folderPath, path).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            var info = new FileInfo(path);
            builder.Append(CultureInfo.InvariantCulture, $"{relative}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }

        var manifest = Path.Combine(folderPath, PluginManifest.FileName);
        if (File.Exists(manifest))
        {
            builder.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(manifest))));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
