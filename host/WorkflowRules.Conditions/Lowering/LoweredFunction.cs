using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace WorkflowRules.Conditions.Lowering;

/// <summary>
/// The local function a <see cref="LoweredCall"/> becomes: the loop <see cref="Enumerable"/> runs, with the
/// predicate's body inlined and a budget check at the top of each iteration. Marked for inlining into the
/// condition, so a lowered call costs no call at all.
/// </summary>
internal static class LoweredFunction
{
    private const string BodyPlaceholder = "__wr_body";
    private const string CheckPlaceholder = "__wr_check";

    /// <summary>The call that replaces the original invocation; <paramref name="source"/> is the rewritten receiver.</summary>
    public static ExpressionSyntax CallFor(LoweredCall lowered, ExpressionSyntax source) =>
        InvocationExpression(IdentifierName(lowered.FunctionName), ArgumentList(SingletonSeparatedList(Argument(source.WithoutTrivia()))))
            .WithTriviaFrom(lowered.Call);

    /// <summary>The declaration of the local function, with <paramref name="check"/> as each iteration's first statement.</summary>
    public static LocalFunctionStatementSyntax Declaration(LoweredCall lowered, StatementSyntax check)
    {
        var element = lowered.Parameter.Identifier.Text;
        var (returnType, prologue, onMatch, noMatch) = lowered.Quantifier switch
        {
            LinqQuantifier.Any => ("bool", "", "if (__wr_body) return true;", "return false;"),
            LinqQuantifier.All => ("bool", "", "if (!__wr_body) return false;", "return true;"),
            // LINQ counts in a checked context: more than int.MaxValue matches is an OverflowException there too.
            _ => ("int", "var __wr_count = 0;", "if (__wr_body) { checked { __wr_count++; } }", "return __wr_count;"),
        };

        var text = $$"""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            {{returnType}} {{lowered.FunctionName}}(global::System.Collections.Generic.IEnumerable<{{lowered.ElementType}}> __wr_source)
            {
                {{prologue}}
                if (global::WorkflowRules.Conditions.Lowering.ConditionLinq.TryGetSpan(__wr_source, out var __wr_span))
                {
                    foreach (var {{element}} in __wr_span)
                    {
                        {{CheckPlaceholder}}();
                        {{onMatch}}
                    }

                    {{noMatch}}
                }

                foreach (var {{element}} in __wr_source)
                {
                    {{CheckPlaceholder}}();
                    {{onMatch}}
                }

                {{noMatch}}
            }
            """;
        var declaration = (LocalFunctionStatementSyntax)ParseStatement(text);
        var body = ParenthesizedExpression(lowered.Body.WithoutTrivia());
        var placeholders = declaration.DescendantNodes()
            .Where(n => n is IdentifierNameSyntax { Identifier.ValueText: BodyPlaceholder } || IsCheckPlaceholder(n));
        return declaration.ReplaceNodes(placeholders, (original, _) => original is IdentifierNameSyntax ? body : check);
    }

    private static bool IsCheckPlaceholder(SyntaxNode node) =>
        node is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: CheckPlaceholder } } };
}
