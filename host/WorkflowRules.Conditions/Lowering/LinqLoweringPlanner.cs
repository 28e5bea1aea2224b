using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace WorkflowRules.Conditions.Lowering;

/// <summary>
/// Finds the LINQ calls of a condition that can become loops without changing what the condition means:
/// <c>source.Any(x =&gt; expr)</c>, <c>All</c> and <c>Count</c> of <see cref="Enumerable"/>, written in the condition's
/// own method (not inside another lambda), whose lambda body has no functions of its own and names nothing that
/// would mean something else, or be out of scope, at the end of the method (where the local function is declared):
/// only the lambda's parameter, the condition's variables, locals declared directly in the method's body, and
/// members and types. Anything else keeps its LINQ call, which is always correct, only slower.
/// </summary>
internal static class LinqLoweringPlanner
{
    private const string FunctionPrefix = "__wr_linq";

    private static readonly SymbolDisplayFormat TypeName = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The calls to lower in <paramref name="method"/>'s part <paramref name="user"/>, keyed by their span in the original tree.</summary>
    public static IReadOnlyDictionary<TextSpan, LoweredCall> Plan(SemanticModel model, MethodDeclarationSyntax method, TextSpan user)
    {
        var planned = new Dictionary<TextSpan, LoweredCall>();
        if (method.Body is not { } body || model.GetDeclaredSymbol(method) is not { } methodSymbol)
        {
            return planned;
        }

        foreach (var call in body.DescendantNodes(user).OfType<InvocationExpressionSyntax>())
        {
            if (user.Contains(call.Span) && Lowerable(model, call, body, methodSymbol, $"{FunctionPrefix}{planned.Count}") is { } lowered)
            {
                planned.Add(call.Span, lowered);
            }
        }

        return planned;
    }

    private static LoweredCall? Lowerable(SemanticModel model, InvocationExpressionSyntax call, BlockSyntax body, IMethodSymbol method, string functionName)
    {
        // Syntax first: most calls are ruled out by their name before anything is bound.
        if (call.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
            || Quantifier(access.Name.Identifier.ValueText) is not { } quantifier
            || call.ArgumentList.Arguments is not [{ NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: LambdaExpressionSyntax lambda }]
            || SingleParameter(lambda) is not { } parameter
            || lambda.ExpressionBody is not { } lambdaBody
            || lambda.AttributeLists.Count > 0
            || lambda.Modifiers.Any(m => !m.IsKind(SyntaxKind.StaticKeyword))
            || parameter.AttributeLists.Count > 0
            || parameter.Modifiers.Count > 0
            || parameter.Default is not null
            || !OutsideFunctions(call, body)
            || lambdaBody.DescendantNodesAndSelf().Any(n => n is AnonymousFunctionExpressionSyntax or QueryExpressionSyntax))
        {
            return null;
        }

        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol { MethodKind: MethodKind.ReducedExtension, TypeArguments: [var element] } linq
            || linq.ReducedFrom?.ContainingType.ToDisplayString() != "System.Linq.Enumerable"
            || !Nameable(element)
            || model.GetDeclaredSymbol(parameter) is not { } lambdaParameter
            || !lambdaBody.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().All(name => SameEverywhere(model, name, body, method, lambdaParameter)))
        {
            return null;
        }

        return new LoweredCall(call, quantifier, access.Expression, parameter, lambdaBody, element.ToDisplayString(TypeName), functionName);
    }

    private static ParameterSyntax? SingleParameter(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var only] } => only,
        _ => null,
    };

    private static LinqQuantifier? Quantifier(string name) => name switch
    {
        nameof(Enumerable.Any) => LinqQuantifier.Any,
        nameof(Enumerable.All) => LinqQuantifier.All,
        nameof(Enumerable.Count) => LinqQuantifier.Count,
        _ => null,
    };

    /// <summary>
    /// Not inside a lambda, local function or query (whose variables the loop could not see), nor inside
    /// <c>checked</c>/<c>unchecked</c> (whose arithmetic the local function, declared outside, would not get).
    /// </summary>
    private static bool OutsideFunctions(SyntaxNode call, BlockSyntax body)
    {
        for (var node = call.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax
                or CheckedExpressionSyntax or CheckedStatementSyntax)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> binds to the same thing at the end of the method's body as in the lambda.</summary>
    private static bool SameEverywhere(SemanticModel model, IdentifierNameSyntax name, BlockSyntax body, IMethodSymbol method, IParameterSymbol lambdaParameter) =>
        model.GetSymbolInfo(name).Symbol switch
        {
            null or IRangeVariableSymbol => false,
            IParameterSymbol p => SymbolEqualityComparer.Default.Equals(p, lambdaParameter) || SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, method),
            // A local in scope all over the method's body: declared by a statement of the body itself, not in a nested
            // block, a loop, a pattern or an out argument.
            ILocalSymbol local => local.DeclaringSyntaxReferences is [var declaration]
                && declaration.GetSyntax() is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax statement }
                && statement.Parent == body,
            _ => true,
        };

    private static bool Nameable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Nameable(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } or IErrorTypeSymbol => false,
        INamedTypeSymbol named => named.TypeArguments.All(Nameable) && (named.ContainingType is null || Nameable(named.ContainingType)),
        _ => false, // type parameters, pointers, dynamic
    };
}
