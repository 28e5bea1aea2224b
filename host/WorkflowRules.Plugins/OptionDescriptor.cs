namespace WorkflowRules.Plugins;

/// <summary>One option of a response, as a designer shows it.</summary>
/// <param name="Name">The JSON name (camelCase), e.g. <c>status</c>.</param>
/// <param name="Type">string, integer, number, boolean, date, date-time, time, duration, list, object.</param>
/// <param name="IsRequired">Whether the option is mandatory (<c>[Required]</c> or C# <c>required</c>).</param>
/// <param name="Description">From <c>[Description]</c> or <c>[Display(Description = …)]</c>, if any.</param>
/// <param name="AllowedValues">The values it accepts (<c>[AllowedValues]</c> or an enum's names), if restricted.</param>
public sealed record OptionDescriptor(string Name, string Type, bool IsRequired, string? Description, IReadOnlyList<string>? AllowedValues);
