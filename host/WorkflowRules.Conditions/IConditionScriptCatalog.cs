namespace WorkflowRules.Conditions;

/// <summary>The condition scripts of the scripts folder and their state, kept up to date as files change.</summary>
public interface IConditionScriptCatalog
{
    /// <summary>Every script, ordered by name.</summary>
    IReadOnlyList<ConditionScriptInfo> List();

    /// <summary>
    /// The text evaluations of script <paramref name="name"/> use now (the last version that compiled), or null when
    /// there is none: what a workflow instance pins when it starts, so a later edit never changes it.
    /// </summary>
    string? GetInUseCode(string name);

    /// <summary>Re-reads the whole folder now instead of waiting for the file watcher (e.g. after a deployment).</summary>
    void Refresh();

    /// <summary>Re-reads one script now; null when there is no such file.</summary>
    ConditionScriptInfo? Refresh(string name);
}
