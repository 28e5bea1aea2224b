using System.Text;
using WorkflowRules.Host.Workflows.Definitions;

namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>Compares conditions as text, ignoring layout: two entry points whose conditions read the same are ambiguous.</summary>
internal static class ConditionText
{
    /// <summary>The condition in words with every blank outside string and character literals removed; null when there is no condition.</summary>
    public static string? Normalize(ConditionDefinition? condition)
    {
        if (condition is null || (condition.Code is null && condition.Script is null && condition.ChangeRules is not { Count: > 0 }))
        {
            return null;
        }

        var text = condition.Describe();
        var normalized = new StringBuilder(text.Length);
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                continue;
            }

            normalized.Append(c);
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote && text[i - 1] != '\\')
            {
                quote = null;
            }
        }

        return normalized.ToString();
    }
}
