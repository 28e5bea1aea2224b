using System.Text.Json;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Parses a template response's <c>OptionsJson</c>.</summary>
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
