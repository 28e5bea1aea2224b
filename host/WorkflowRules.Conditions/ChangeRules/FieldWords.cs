using System.Text;

namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>A field name or dotted path in words: <c>CreditLimit</c> is "Credit Limit", <c>Address.City</c> is "Address › City".</summary>
internal static class FieldWords
{
    public const string PathSeparator = " › ";

    public static string Of(string? field) =>
        string.IsNullOrWhiteSpace(field)
            ? "(no field)"
            : string.Join(PathSeparator, field.Split('.').Select(s => Words(s.Trim())).Where(s => s.Length > 0));

    /// <summary>PascalCase split into words; acronyms stay together (<c>VATAmount</c> is "VAT Amount"); underscores become spaces.</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                if (words.Length > 0 && words[^1] != ' ')
                {
                    words.Append(' ');
                }

                continue;
            }

            if (i > 0 && words.Length > 0 && words[^1] != ' ' && StartsWord(name, i))
            {
                words.Append(' ');
            }

            words.Append(c);
        }

        return words.ToString().TrimEnd();
    }

    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        var c = name[i];
        if (char.IsUpper(c))
        {
            // "creditLimit", "Line2Amount", and the last capital of an acronym that starts a word: "VATAmount".
            return char.IsLower(previous) || char.IsDigit(previous)
                || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
        }

        return char.IsDigit(c) && char.IsLetter(previous);
    }
}
