using System.Text.Json;
using WorkflowRules.Plugins.Json;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Parses a template response's <c>OptionsJson</c>: nothing, or a JSON object.</summary>
internal static class TemplateOptions
{
    public static bool TryParse(string? optionsJson, out JsonElement? options, out string? error)
    {
        options = null;
        error = null;
        if (string.IsNullOrWhiteSpace(optionsJson))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(optionsJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"options must be a JSON object such as {{ \"name\": \"value\" }}, found {JsonLabels.Found(document.RootElement)}.";
                return false;
            }

            options = document.RootElement.Clone();
            return true;
        }
        catch (JsonException exception)
        {
            error = $"options are not valid JSON: {exception.Message}";
            return false;
        }
    }
}
