using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>One option of a response, as a designer's form shows it.</summary>
/// <param name="Name">The JSON name the option is set with (<c>status</c>).</param>
/// <param name="Type">string, integer, number, boolean, date, date-time, time, duration, guid, list or object.</param>
/// <param name="Required">Whether a workflow must set it before it can be enabled.</param>
/// <param name="Description">What to set it to, when the plugin says.</param>
/// <param name="AllowedValues">The only values it accepts, when it is restricted.</param>
public sealed record CatalogOptionView(string Name, string Type, bool Required, string? Description, IReadOnlyList<string>? AllowedValues)
{
    public static CatalogOptionView From(OptionDescriptor option) =>
        new(option.Name, option.Type, option.IsRequired, option.Description, option.AllowedValues);
}
