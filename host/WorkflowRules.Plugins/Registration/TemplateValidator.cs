namespace WorkflowRules.Plugins.Registration;

/// <summary>Checks templates and combination rules: they may only name functions of this plugin or of plugins already loaded.</summary>
internal static class TemplateValidator
{
    public static void Validate(PluginBuilder builder, CatalogContext others, RegistrationProblems problems)
    {
        var functions = new TemplateFunctions(builder, others);
        foreach (var (preceding, following) in builder.EventCombinations)
        {
            foreach (var name in new[] { preceding, following }.Where(n => !functions.IsEvent(n)))
            {
                problems.Add($"AllowEventAfter({preceding}, {following}) names {name}, which is not an event of this or any loaded plugin.");
            }
        }

        foreach (var (preceding, response) in builder.ResponseCombinations)
        {
            if (!functions.IsEvent(preceding))
            {
                problems.Add($"AllowResponseAfter({preceding}, {response}) names {preceding}, which is not an event of this or any loaded plugin.");
            }

            if (!functions.IsResponse(response))
            {
                problems.Add($"AllowResponseAfter({preceding}, {response}) names {response}, which is not a response of this or any loaded plugin.");
            }
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in builder.Templates)
        {
            var code = template.Code ?? "";
            if (!Names.TemplateCode().IsMatch(code))
            {
                problems.Add($"Template code '{code}' is not valid: up to 20 upper-case letters, digits, '-' or '_' (e.g. PURCH-OVER-1000).");
            }
            else if (!codes.Add(code))
            {
                problems.Add($"Template {code} is declared twice.");
            }
            else if (others.Templates.TryGetValue(code, out var owner))
            {
                problems.AddConflict($"Template {code} is already provided by plugin {owner}.");
            }

            if (string.IsNullOrWhiteSpace(template.Description))
            {
                problems.Add($"Template {code} needs a description.");
            }

            if (!functions.IsEvent(template.EntryEvent))
            {
                problems.Add($"Template {code} starts with {template.EntryEvent}, which is not an event of this or any loaded plugin.");
            }

            if (template.Steps is { Count: > 0 })
            {
                TemplateStepValidator.Validate(template, code, functions, problems);
                continue;
            }

            foreach (var step in template.Responses ?? [])
            {
                var errors = functions.ValidateOptions(step.FunctionName, step.OptionsJson);
                problems.Messages.AddRange(errors.Select(error => $"Template {code}, response {step.FunctionName}: {error}"));
            }
        }
    }
}
