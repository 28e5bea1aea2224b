namespace WorkflowRules.Conditions;

/// <summary>Why a condition could not give an answer.</summary>
public enum ConditionFailureKind
{
    /// <summary>It does not compile, breaks the allow-list, or does not fit the record it was given.</summary>
    Invalid,

    /// <summary>It ran past its time budget (or recursed without end) and was stopped.</summary>
    Timeout,

    /// <summary>Its code threw (e.g. a null reference on <c>Previous</c>).</summary>
    Exception,

    /// <summary>It names a script that is not in the scripts folder.</summary>
    ScriptMissing,
}
