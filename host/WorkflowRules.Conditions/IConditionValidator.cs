namespace WorkflowRules.Conditions;

/// <summary>Checks a condition when a workflow is saved, so that errors never surface at run time.</summary>
public interface IConditionValidator
{
    /// <summary>
    /// Compile errors and allow-list violations of <paramref name="source"/> written against
    /// <paramref name="recordType"/>, positioned in the user's text; an unknown script name is one more
    /// diagnostic. Nothing is emitted or loaded. An empty list means the condition is valid.
    /// </summary>
    IReadOnlyList<ConditionDiagnostic> Validate(ConditionSource source, Type recordType);
}
