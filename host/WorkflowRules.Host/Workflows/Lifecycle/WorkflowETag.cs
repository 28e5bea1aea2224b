using System.Globalization;

namespace WorkflowRules.Host.Workflows.Lifecycle;

/// <summary>
/// The workflow row's version (PostgreSQL's xmin) as an HTTP entity tag: every change of the workflow — header,
/// enabled flag, current version, draft — changes it, so <c>If-Match</c> makes any write optimistic.
/// </summary>
public static class WorkflowETag
{
    public static string Format(uint rowVersion) => $"\"{rowVersion.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The row version <paramref name="ifMatch"/> expects: null when the header is absent or <c>*</c> (no
    /// expectation), false in <paramref name="valid"/> when it is not an entity tag this API gave out.
    /// </summary>
    public static uint? Parse(string? ifMatch, out bool valid)
    {
        valid = true;
        var value = ifMatch?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            return null;
        }

        value = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        if (uint.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var rowVersion))
        {
            return rowVersion;
        }

        valid = false;
        return null;
    }
}
