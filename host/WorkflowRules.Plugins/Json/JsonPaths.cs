using System.Text.RegularExpressions;

namespace WorkflowRules.Plugins.Json;

/// <summary>Paths relative to the document: <c>vendorNo</c>, <c>lines[0].quantity</c>, <c>['odd name']</c>.</summary>
internal static partial class JsonPaths
{
    public static string Property(string path, string name)
    {
        if (!PlainName().IsMatch(name))
        {
            return $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
        }

        return path.Length == 0 ? name : $"{path}.{name}";
    }

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>Turns the serializer's <c>$.lines[0].quantity</c> into <c>lines[0].quantity</c>.</summary>
    public static string FromSerializer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
