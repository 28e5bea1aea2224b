using System.Text.Json;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Checks templates and combination rules: they may only name functions of this plugin or of plugins already loaded.</summary>
internal static class TemplateValidator
{
    public static void Validate(PluginBuilder builder, CatalogContext others, RegistrationProblems problems)
    {
        var ownEvents = builder.Events.Select(e => e.Definition.FunctionName).ToHashSet(StringComparer.Ordinal);
        var ownResponses = builder.Responses.ToDictionary(r => r.Definition.FunctionName, r => r.Operations, StringComparer.Ordinal);
        bool IsEvent(string name) => ownEvents.Contains(name) || others.Events.ContainsKey(name);

        foreach (var (preceding, following) in builder.EventCombinations)
        {
            foreach (var name in new[] { preceding, following }.Where(n => !IsEvent(n)))
            {
                problems.Add($"AllowEventAfter({preceding}, {following}) names {name}, which is not an event of this or any loaded plugin.");
            }
        }

        foreach (var (preceding, response) in builder.ResponseCombinations)
        {
            if (!IsEvent(preceding))
            {
                problems.Add($"AllowResponseAfter({preceding}, {response}) names {preceding}, which is not an event of this or any loaded plugin.");
            }

            if (!ownResponses.ContainsKey(response) && !others.Responses.ContainsKey(response))
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

            if (!IsEvent(template.EntryEvent ?? ""))
            {
                problems.Add($"Template {code} starts with {template.EntryEvent}, which is not an event of this or any loaded plugin.");
            }

            foreach (var step in template.Responses ?? [])
            {
                var errors = ValidateOptions(step.FunctionName, step.OptionsJson, ownResponses, others);
                problems.Messages.AddRange(errors.Select(error => $"Template {code}, response {step.FunctionName}: {error}"));
            }
        }
    }

    private static IEnumerable<string> ValidateOptions(
        string functionName, string? optionsJson, Dictionary<string, IResponseOperations> ownResponses, CatalogContext others)
    {
        Func<JsonElement?, IReadOnlyList<OptionError>>? validate =
            ownResponses.TryGetValue(functionName ?? "", out var own) ? own.ValidateOptions
            : others.Responses.TryGetValue(functionName ?? "", out var other) ? other.ValidateOptions
            : null;
        if (validate is null)
        {
            return ["not a response of this or any loaded plugin."];
        }

        if (!TemplateOptions.TryParse(optionsJson, out var options, out var parseError))
        {
            return [parseError!];
        }

        return validate(options).Select(e => e.Option.Length == 0 ? e.Message : $"option {e.Option}: {e.Message}");
    }
}
