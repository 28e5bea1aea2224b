using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WorkflowRules.Conditions.Compilation;

namespace WorkflowRules.Conditions.Safety;

/// <summary>
/// Refusals that need no binding: constructs a condition must never contain whatever they would bind to
/// (directives, attributes, unsafe code, try/catch, goto, declarations), and names the engine keeps for the code it
/// generates around the condition. Runs before the semantic allow-list.
/// </summary>
internal static class ConditionSyntaxPolicy
{
    public static void Check(GeneratedCondition condition, ConditionRefusals refusals)
    {
        var root = condition.Tree.GetRoot();
        var user = condition.UserSpan;

        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsDirective && user.IntersectsWith(trivia.Span))
            {
                var text = trivia.ToString().Trim();
                var end = text.IndexOfAny([' ', '\t', '"']);
                refusals.Add(trivia.Span, end > 0 ? text[..end] : text, ConditionRules.Directives);
            }
        }

        foreach (var node in root.DescendantNodes(user))
        {
            if (!user.Contains(node.SpanStart) || Refusal(node) is not { } refusal)
            {
                continue;
            }

            refusals.Add(refusal.Span ?? node.Span, refusal.What, refusal.Why);
        }

        foreach (var token in root.DescendantTokens(user))
        {
            if (!user.Contains(token.SpanStart))
            {
                continue;
            }

            var why = token.Kind() switch
            {
                SyntaxKind.IdentifierToken when token.ValueText.StartsWith(ConditionRules.ReservedPrefix, StringComparison.Ordinal) => ConditionRules.Reserved,
                SyntaxKind.UnsafeKeyword or SyntaxKind.FixedKeyword or SyntaxKind.StackAllocKeyword => ConditionRules.Unsafe,
                SyntaxKind.ExternKeyword => ConditionRules.Declarations,
                SyntaxKind.AsyncKeyword or SyntaxKind.AwaitKeyword or SyntaxKind.LockKeyword or SyntaxKind.VolatileKeyword => ConditionRules.Threading,
                SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword => ConditionRules.Refs,
                SyntaxKind.GotoKeyword => ConditionRules.Goto,
                SyntaxKind.TryKeyword or SyntaxKind.CatchKeyword or SyntaxKind.FinallyKeyword => ConditionRules.TryCatch,
                _ => null,
            };
            if (why is not null)
            {
                refusals.Add(token.Span, token.Text, why);
            }
        }
    }

    private static (string What, string Why, Microsoft.CodeAnalysis.Text.TextSpan? Span)? Refusal(SyntaxNode node) => node switch
    {
        AttributeListSyntax => ("An attribute", ConditionRules.Attributes, null),
        TryStatementSyntax t => ("try", ConditionRules.TryCatch, t.TryKeyword.Span),
        GotoStatementSyntax or LabeledStatementSyntax => ("goto", ConditionRules.Goto, null),
        UnsafeStatementSyntax => ("unsafe", ConditionRules.Unsafe, null),
        FixedStatementSyntax => ("fixed", ConditionRules.Unsafe, null),
        PointerTypeSyntax or FunctionPointerTypeSyntax => ("A pointer type", ConditionRules.Unsafe, null),
        StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax => ("stackalloc", ConditionRules.Unsafe, null),
        PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.AddressOfExpression) => ("Taking an address (&)", ConditionRules.Unsafe, null),
        PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PointerIndirectionExpression) => ("Dereferencing a pointer (*)", ConditionRules.Unsafe, null),
        MemberAccessExpressionSyntax m when m.IsKind(SyntaxKind.PointerMemberAccessExpression) => ("Pointer member access (->)", ConditionRules.Unsafe, null),
        SizeOfExpressionSyntax => ("sizeof", ConditionRules.Unsafe, null),
        LockStatementSyntax l => ("lock", ConditionRules.Threading, l.LockKeyword.Span),
        AwaitExpressionSyntax => ("await", ConditionRules.Threading, null),
        BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax or MemberDeclarationSyntax
            or UsingDirectiveSyntax or ExternAliasDirectiveSyntax => ("A declaration", ConditionRules.Declarations, null),
        RefExpressionSyntax or RefTypeSyntax => ("ref", ConditionRules.Refs, null),
        _ => null,
    };
}
