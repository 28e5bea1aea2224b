namespace WorkflowRules.Conditions;

/// <summary>What the scripts endpoint shows for one script.</summary>
/// <param name="Name">The file name without <c>.csx</c>; what a workflow refers to.</param>
/// <param name="RecordType">The record type its first line declares, or null when it declares none.</param>
/// <param name="Compiles">Whether the file as it is now compiles and passes the allow-list.</param>
/// <param name="LastError">When it does not: the first error, positioned in the file.</param>
/// <param name="InUseHash">SHA-256 (hex) of the version evaluations use: the last one that compiled; null when none ever did.</param>
/// <param name="FileHash">SHA-256 (hex) of the file as it is now; differs from <paramref name="InUseHash"/> while a broken edit is kept out.</param>
public sealed record ConditionScriptInfo(
    string Name,
    string? RecordType,
    bool Compiles,
    ConditionDiagnostic? LastError,
    string? InUseHash,
    string FileHash);
