namespace WorkflowRules.Conditions.Scripts;

/// <summary>
/// One script as last read: the file as it is now, and the version in use (the last one that compiled), which a
/// broken edit never replaces. Immutable: a refresh swaps in a new instance, so evaluations read it lock-free.
/// <see cref="RecordTypeMissing"/>: no plugin offered the declared type when it was read (plugins may load
/// after the scripts), so it is read again once one does.
/// </summary>
internal sealed record ConditionScript(
    string Name,
    string FileCode,
    string FileHash,
    string? DeclaredRecordType,
    IReadOnlyList<ConditionDiagnostic> FileErrors,
    string? InUseCode,
    string? InUseHash,
    string? InUseRecordType,
    bool RecordTypeMissing = false)
{
    /// <summary>The failure evaluations report while no version ever compiled; built once.</summary>
    public ConditionFailure? Unusable { get; } = InUseCode is null
        ? Evaluation.ConditionFailures.Invalid(FileErrors, $"Condition script '{Name}' has never compiled, so it")
        : null;

    public ConditionScriptInfo Info => new(Name, DeclaredRecordType, FileErrors.Count == 0, FileErrors.Count > 0 ? FileErrors[0] : null, InUseHash, FileHash);
}
