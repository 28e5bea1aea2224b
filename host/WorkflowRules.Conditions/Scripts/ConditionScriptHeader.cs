using System.Text.RegularExpressions;

namespace WorkflowRules.Conditions.Scripts;

/// <summary>Reads the first line of a script, which declares the record type it is written against: <c>// record: PurchaseDocument</c>.</summary>
internal static partial class ConditionScriptHeader
{
    public const string Example = "// record: PurchaseDocument";

    /// <summary>The declared record-type name, or null when the first line is not a declaration.</summary>
    public static string? RecordType(string code)
    {
        var end = code.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? code : code[..end]).TrimEnd('\r');
        var match = Declaration().Match(first);
        return match.Success ? match.Groups["type"].Value : null;
    }

    /// <summary>The first line, for messages.</summary>
    public static string FirstLine(string code)
    {
        var end = code.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? code : code[..end]).Trim();
    }

    [GeneratedRegex(@"^\s*//\s*record\s*:\s*(?<type>[A-Za-z_][A-Za-z0-9_.]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}
