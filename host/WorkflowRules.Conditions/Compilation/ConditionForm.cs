namespace WorkflowRules.Conditions.Compilation;

/// <summary>How the user's text is placed in the generated method.</summary>
internal enum ConditionForm
{
    /// <summary>A boolean expression: <c>return &lt;text&gt;;</c>.</summary>
    Expression,

    /// <summary>Statements ending in <c>return</c> (script style): the text is the method body.</summary>
    Statements,
}
