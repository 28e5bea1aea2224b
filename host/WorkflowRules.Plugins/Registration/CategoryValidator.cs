namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks the categories a plugin declares: a short upper-case code, a description, and a code nobody else owns —
/// neither the host (<see cref="HostCategories"/>) nor another loaded plugin, since two owners would describe one code
/// two ways and whichever loaded first would win.
/// </summary>
internal static class CategoryValidator
{
    public static void Validate(PluginBuilder builder, CatalogContext others, RegistrationProblems problems)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, description) in builder.Categories)
        {
            if (!Names.DeclaredCategory().IsMatch(code))
            {
                problems.Add($"Category code '{code}' is not valid: use 1 to 10 upper-case letters and digits, starting with a letter (e.g. HR).");
                continue;
            }

            if (!codes.Add(code))
            {
                problems.Add($"Category {code} is declared twice.");
            }
            else if (HostCategories.All.FirstOrDefault(c => c.Code == code) is { } hostCategory)
            {
                problems.Add($"Category {code} is the host's own ('{hostCategory.Description}'): use it without declaring it.");
            }
            else if (others.Categories.TryGetValue(code, out var owner))
            {
                problems.AddConflict($"Category {code} is already declared by plugin {owner}: use it without declaring it, or pick another code.");
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                problems.Add($"Category {code} needs a description.");
            }
        }
    }
}
