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
}
