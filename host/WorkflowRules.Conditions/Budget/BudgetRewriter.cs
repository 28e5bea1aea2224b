using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// Injects <see cref="ConditionBudget"/> checks into a condition that passed the allow-list: at the top of every
/// loop body (while, do, for, foreach) and at the entry of every lambda, anonymous method and local function.
/// The checks are static calls, so a non-capturing lambda stays non-capturing (no closure per evaluation).
/// Only the user's region is rewritten; the result is for emitting, never for positions.
/// </summary>
internal sealed class BudgetRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax LoopCheck = Check(nameof(ConditionBudget.Loop));
    private static readonly StatementSyntax EntryCheck = Check(nameof(ConditionBudget.Enter));

    private readonly TextSpan _user;
    private readonly HashSet<TextSpan> _voidFunctions;

    private BudgetRewriter(TextSpan user, HashSet<TextSpan> voidFunctions)
    {
        _user = user;
        _voidFunctions = voidFunctions;
    }

    /// <summary>The tree of <paramref name="model"/> with budget checks in the span <paramref name="user"/>.</summary>
    public static SyntaxTree Rewrite(SemanticModel model, TextSpan user)
    {
        var root = model.SyntaxTree.GetRoot();
        // Whether an expression-bodied lambda returns void decides between "{ check; expr; }" and "{ check; return expr; }".
        var voidFunctions = new HashSet<TextSpan>();
        foreach (var node in root.DescendantNodes(user))
        {
            var symbol = node switch
            {
                AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda).Symbol as IMethodSymbol,
                LocalFunctionStatementSyntax local => model.GetDeclaredSymbol(local) as IMethodSymbol,
                _ => null,
            };
            if (symbol is { ReturnsVoid: true })
            {
                voidFunctions.Add(node.Span);
            }
        }

        var rewritten = new BudgetRewriter(user, voidFunctions).Visit(root);
        return model.SyntaxTree.WithRootAndOptions(rewritten, model.SyntaxTree.Options);
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, LoopCheck)) : visited;
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, LoopCheck)) : visited;
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, LoopCheck)) : visited;
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, LoopCheck)) : visited;
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, LoopCheck)) : visited;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return InUser(node) ? visited.WithExpressionBody(null).WithBlock(Body(visited.Block, visited.ExpressionBody, node)) : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return InUser(node) ? visited.WithExpressionBody(null).WithBlock(Body(visited.Block, visited.ExpressionBody, node)) : visited;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return InUser(node) ? visited.WithBlock(Body(visited.Block, null, node)) : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (!InUser(node))
        {
            return visited;
        }

        return visited
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(Body(visited.Body, visited.ExpressionBody?.Expression, node));
    }

    private bool InUser(SyntaxNode original) => _user.Contains(original.SpanStart);

    private BlockSyntax Body(BlockSyntax? block, ExpressionSyntax? expression, SyntaxNode original)
    {
        if (block is not null)
        {
            return block.WithStatements(block.Statements.Insert(0, EntryCheck));
        }

        StatementSyntax body = expression switch
        {
            ThrowExpressionSyntax thrown => ThrowStatement(thrown.Expression),
            _ when _voidFunctions.Contains(original.Span) => ExpressionStatement(expression!),
            _ => ReturnStatement(expression),
        };
        return Block(EntryCheck, body);
    }

    private static BlockSyntax Guard(StatementSyntax body, StatementSyntax check) =>
        body is BlockSyntax block ? block.WithStatements(block.Statements.Insert(0, check)) : Block(check, body);

    private static StatementSyntax Check(string method) =>
        ParseStatement($"global::{typeof(ConditionBudget).FullName}.{method}();").NormalizeWhitespace();
}
