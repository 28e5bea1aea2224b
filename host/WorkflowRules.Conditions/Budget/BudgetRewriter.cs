using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Lowering;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// Makes a condition that passed the allow-list ready to emit: lowers its simple LINQ calls to loops
/// (<see cref="LinqLoweringPlanner"/>) and injects budget checks at the top of every loop body (while, do, for,
/// foreach, lowered calls). A condition with no lambdas, local functions or queries left keeps its budget in a
/// local (<see cref="LocalBudget"/>, no thread-static access, no stack guard: it cannot recurse). Any other is
/// wrapped in <see cref="ConditionBudget.Start"/>/<see cref="ConditionBudget.End"/>, and every lambda, anonymous
/// method and local function also checks at its entry, which guards the stack too. The checks are static calls
/// or calls on a local, so a non-capturing lambda stays non-capturing (no closure per evaluation).
/// Only the user's region is rewritten; the result is for emitting, never for positions.
/// </summary>
internal sealed class BudgetRewriter : CSharpSyntaxRewriter
{
    private const string LocalBudgetName = "__wr_local";
    private const string StateName = "__wr_state";

    private static readonly StatementSyntax ThreadLoopCheck = Check($"global::{typeof(ConditionBudget).FullName}.{nameof(ConditionBudget.Loop)}();");
    private static readonly StatementSyntax LocalLoopCheck = Check($"{LocalBudgetName}.{nameof(LocalBudget.Check)}({ConditionWrapper.BudgetParameter});");
    private static readonly StatementSyntax EntryCheck = Check($"global::{typeof(ConditionBudget).FullName}.{nameof(ConditionBudget.Enter)}();");

    private readonly TextSpan _user;
    private readonly HashSet<TextSpan> _voidFunctions;
    private readonly IReadOnlyDictionary<TextSpan, LoweredCall> _lowered;
    private readonly bool _threadBudget;
    private readonly List<LocalFunctionStatementSyntax> _loweredFunctions = [];
    private bool _usesLocalBudget;

    private BudgetRewriter(TextSpan user, HashSet<TextSpan> voidFunctions, IReadOnlyDictionary<TextSpan, LoweredCall> lowered, bool threadBudget)
    {
        _user = user;
        _voidFunctions = voidFunctions;
        _lowered = lowered;
        _threadBudget = threadBudget;
    }

    private StatementSyntax LoopCheck => _threadBudget ? ThreadLoopCheck : LocalLoopCheck;

    /// <summary>The tree of <paramref name="model"/> lowered and with budget checks in the span <paramref name="user"/>.</summary>
    public static SyntaxTree Rewrite(SemanticModel model, TextSpan user)
    {
        var root = model.SyntaxTree.GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == GeneratedCondition.EvaluateMethod);
        var lowered = LinqLoweringPlanner.Plan(model, method, user);
        var loweredLambdas = lowered.Values.Select(c => c.Call.ArgumentList.Arguments[0].Expression.Span).ToHashSet();

        // Whether an expression-bodied lambda returns void decides between "{ check; expr; }" and "{ check; return expr; }".
        var voidFunctions = new HashSet<TextSpan>();
        var threadBudget = false;
        foreach (var node in root.DescendantNodes(user).Where(n => user.Contains(n.SpanStart)))
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax && !loweredLambdas.Contains(node.Span))
            {
                threadBudget = true;
            }

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

        var rewritten = new BudgetRewriter(user, voidFunctions, lowered, threadBudget).Visit(root);
        return model.SyntaxTree.WithRootAndOptions(rewritten, model.SyntaxTree.Options);
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (node.Identifier.ValueText != GeneratedCondition.EvaluateMethod || visited.Body is not { } body)
        {
            return visited;
        }

        var statements = body.Statements.AddRange(_loweredFunctions);
        if (_threadBudget)
        {
            var budget = typeof(ConditionBudget).FullName;
            statements = List<StatementSyntax>(
            [
                ParseStatement($"ref var {StateName} = ref global::{budget}.{nameof(ConditionBudget.Start)}({ConditionWrapper.BudgetParameter});"),
                TryStatement(Block(statements), default, FinallyClause(Block(ParseStatement($"global::{budget}.{nameof(ConditionBudget.End)}(ref {StateName});")))),
            ]);
        }
        else if (_usesLocalBudget)
        {
            statements = statements.Insert(0, ParseStatement($"global::{typeof(LocalBudget).FullName} {LocalBudgetName} = default;"));
        }

        return visited.WithBody(body.WithStatements(statements));
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (!_lowered.TryGetValue(node.Span, out var lowered))
        {
            return base.VisitInvocationExpression(node);
        }

        _loweredFunctions.Add(LoweredFunction.Declaration(lowered, UseLoopCheck()));
        return LoweredFunction.CallFor(lowered, (ExpressionSyntax)Visit(lowered.Source));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, UseLoopCheck())) : visited;
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, UseLoopCheck())) : visited;
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, UseLoopCheck())) : visited;
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, UseLoopCheck())) : visited;
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return InUser(node) ? visited.WithStatement(Guard(visited.Statement, UseLoopCheck())) : visited;
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

    private StatementSyntax UseLoopCheck()
    {
        _usesLocalBudget |= !_threadBudget;
        return LoopCheck;
    }

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

    private static StatementSyntax Check(string statement) => ParseStatement(statement).NormalizeWhitespace();
}
