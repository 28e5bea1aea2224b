namespace WorkflowRules.Conditions;

/// <summary>Settings of section <c>Conditions</c>; validated when the host starts.</summary>
public sealed class ConditionOptions
{
    public const string SectionName = "Conditions";

    /// <summary>The folder of <c>*.csx</c> condition scripts; relative paths are taken from the host's content root.</summary>
    public string ScriptsDirectory { get; set; } = "scripts";

    /// <summary>How long one evaluation may run before it is stopped and reported as a timeout.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a script file must stay unchanged before it is re-read (editors save in several writes).</summary>
    public TimeSpan ScriptDebounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Where compiled conditions are kept between runs, so a restart loads them instead of compiling them again;
    /// relative paths are taken from the host's content root. Null or empty: no disk cache. The folder holds code
    /// the host runs: give it the same protection as the host's own files.
    /// </summary>
    public string? CompiledCacheDirectory { get; set; }

    /// <summary>Compiled cache entries not used for this long are deleted when the host starts.</summary>
    public TimeSpan CompiledCacheRetention { get; set; } = TimeSpan.FromDays(30);
}
