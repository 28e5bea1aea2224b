using Microsoft.Extensions.Options;

namespace WorkflowRules.Conditions;

/// <summary>Refuses settings that would make every condition fail or never stop, with the setting's path in the message.</summary>
public sealed class ConditionOptionsValidator : IValidateOptions<ConditionOptions>
{
    private static readonly TimeSpan MaxBudget = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, ConditionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ScriptsDirectory))
        {
            errors.Add($"{ConditionOptions.SectionName}:{nameof(ConditionOptions.ScriptsDirectory)} must name a folder (default \"scripts\").");
        }

        if (options.TimeBudget <= TimeSpan.Zero || options.TimeBudget > MaxBudget)
        {
            errors.Add($"{ConditionOptions.SectionName}:{nameof(ConditionOptions.TimeBudget)} must be between 00:00:00.001 and {MaxBudget} (it is {options.TimeBudget}); a condition runs on the event's thread.");
        }

        if (options.ScriptDebounce < TimeSpan.Zero || options.ScriptDebounce > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{ConditionOptions.SectionName}:{nameof(ConditionOptions.ScriptDebounce)} must be between 0 and 00:01:00 (it is {options.ScriptDebounce}).");
        }

        if (options.CompiledCacheRetention < TimeSpan.FromHours(1))
        {
            errors.Add($"{ConditionOptions.SectionName}:{nameof(ConditionOptions.CompiledCacheRetention)} must be at least 01:00:00 (it is {options.CompiledCacheRetention}); entries in use are refreshed only once a day.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
