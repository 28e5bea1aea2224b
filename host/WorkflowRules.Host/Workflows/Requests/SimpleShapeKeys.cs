using System.Text.RegularExpressions;

namespace WorkflowRules.Host.Workflows.Requests;

/// <summary>
/// Renames step keys into the simple shape's field names, so that a client that sent the simple shape reads its
/// errors against the fields it sent: step 0 is the entry event (<c>entryEvent</c>, <c>condition</c>,
/// <c>conditionScript</c>), step n is <c>responses[n-1]</c> — the order <see cref="WorkflowDefinitionFactory"/> builds.
/// </summary>
public static partial class SimpleShapeKeys
{
    public static string Rename(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var match = StepKey().Match(key);
        if (!match.Success)
        {
            return key;
        }

        var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rest = match.Groups["rest"].Value;
        if (index > 0)
        {
            return $"responses[{index - 1}]{rest}";
        }

        return rest switch
        {
            ".condition.script" => "conditionScript",
            _ when rest.StartsWith(".condition", StringComparison.Ordinal) => "condition",
            _ => "entryEvent",
        };
    }

    [GeneratedRegex(@"^steps\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex StepKey();
}
