namespace WorkflowRules.Plugins;

/// <summary>A problem with a response's options.</summary>
/// <param name="Option">The option's path, e.g. <c>status</c> or <c>recipients[1]</c>; empty for the options object itself.</param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
public sealed record OptionError(string Option, string Message);
