using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WorkflowRules.Conditions.Lowering;

/// <summary>
/// One <c>source.Any(x =&gt; body)</c> (or <c>All</c>, <c>Count</c>) of a condition that becomes a call of a local
/// function looping over the source: no delegate, no closure, and the loop gets the condition's budget check.
/// </summary>
/// <param name="Call">The invocation in the original tree.</param>
/// <param name="Quantifier">Which LINQ method it was.</param>
/// <param name="Source">The receiver, evaluated once, as LINQ's <c>source</c> argument.</param>
/// <param name="Parameter">The lambda's parameter, the loop variable's name.</param>
/// <param name="Body">The lambda's expression body, evaluated per element.</param>
/// <param name="ElementType">The element type, fully qualified (<c>TSource</c>).</param>
/// <param name="FunctionName">The generated local function.</param>
internal sealed record LoweredCall(
    InvocationExpressionSyntax Call,
    LinqQuantifier Quantifier,
    ExpressionSyntax Source,
    ParameterSyntax Parameter,
    ExpressionSyntax Body,
    string ElementType,
    string FunctionName);
