using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using WorkflowRules.Conditions.Compilation;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace WorkflowRules.Conditions.Budget;

/// <summary>
/// Turns a condition that passed the allow-list into the code that is emitted: the generated class derives from
/// <see cref="ConditionFrame"/>, its <c>Evaluate</c> becomes an instance method run on the calling thread's frame,
/// and budget checks (instance calls, so field accesses on the frame) go at the top of every loop body (while, do,
/// for, foreach) and at the entry of every lambda, anonymous method and local function. A lambda that captures
/// nothing is cached in a field of the frame (<c>f ??= lambda</c>): it refers to the frame now, and would otherwise
/// allocate a delegate per evaluation. The result is for emitting, never for positions.
/// </summary>
internal sealed class BudgetRewriter : CSharpSyntaxRewriter
{
    private const string FramePrefix = "__wr_";
    private const string CurrentFrame = FramePrefix + "current";

    private static readonly StatementSyntax LoopCheck = ParseStatement(FramePrefix + "Loop();");
    private static readonly StatementSyntax EntryCheck = ParseStatement(FramePrefix + "Enter();");

    private readonly SemanticModel _model;
    private readonly TextSpan _user;
    private readonly HashSet<TextSpan> _voidFunctions;
    private readonly List<MemberDeclarationSyntax> _cachedLambdas = [];

    private BudgetRewriter(SemanticModel model, TextSpan user, HashSet<TextSpan> voidFunctions)
    {
        _model = model;
        _user = user;
        _voidFunctions = voidFunctions;
    }

    /// <summary>The tree of <paramref name="model"/> with the frame and budget checks in the span <paramref name="user"/>.</summary>
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

        var rewritten = new BudgetRewriter(model, user, voidFunctions).Visit(root);
        return model.SyntaxTree.WithRootAndOptions(rewritten, model.SyntaxTree.Options);
    }

    public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
    {
        var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
        if (InUser(node) || node.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == GeneratedCondition.EvaluateMethod) is not { } evaluate)
        {
            return visited;
        }

        var className = node.Identifier.Text;
        var record = evaluate.ParameterList.Parameters[0].Type!.ToString();
        var evt = evaluate.ParameterList.Parameters[2].Type!.ToString();
        var limit = "global::" + typeof(ConditionBudgetLimit).FullName;
        // The entry point runs on the calling thread's frame; a nested evaluation of the same condition on the same
        // thread (only possible through code outside the condition) gets a frame of its own.
        var entry = (MemberDeclarationSyntax)ParseMemberDeclaration($$"""
            public bool {{GeneratedCondition.UntypedMethod}}(object record, object? previous, {{evt}} evt, {{limit}} limit)
            {
                var frame = {{CurrentFrame}} ??= new {{className}}();
                if (!frame.{{FramePrefix}}Begin(limit))
                {
                    frame = new {{className}}();
                    frame.{{FramePrefix}}Begin(limit);
                }

                try
                {
                    return frame.{{GeneratedCondition.EvaluateMethod}}(({{record}})record, ({{record}}?)previous, evt);
                }
                finally
                {
                    frame.{{FramePrefix}}End();
                }
            }
            """)!;
        var current = ParseMemberDeclaration($"[global::System.ThreadStatic] private static {className}? {CurrentFrame};")!;
        var members = visited.Members
            .Where(m => m is not MethodDeclarationSyntax { Identifier.Text: GeneratedCondition.UntypedMethod })
            .Append(entry)
            .Append(current)
            .Concat(_cachedLambdas);
        return visited
            .WithBaseList(BaseList(SingletonSeparatedList<BaseTypeSyntax>(SimpleBaseType(ParseTypeName("global::" + typeof(ConditionFrame).FullName)))))
            .WithMembers(List(members));
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        // The user's code runs as an instance method of the frame, so its checks and cached lambdas reach it as "this".
        return !InUser(node) && node.Identifier.Text == GeneratedCondition.EvaluateMethod
            ? visited.WithModifiers(WithoutStatic(visited.Modifiers))
            : visited;
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
        return InUser(node)
            ? Cached(node, visited.WithModifiers(WithoutStatic(visited.Modifiers)).WithExpressionBody(null).WithBlock(Body(visited.Block, visited.ExpressionBody, node)))
            : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return InUser(node)
            ? Cached(node, visited.WithModifiers(WithoutStatic(visited.Modifiers)).WithExpressionBody(null).WithBlock(Body(visited.Block, visited.ExpressionBody, node)))
            : visited;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return InUser(node) ? Cached(node, visited.WithModifiers(WithoutStatic(visited.Modifiers)).WithBlock(Body(visited.Block, null, node))) : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (!InUser(node))
        {
            return visited;
        }

        return visited
            .WithModifiers(WithoutStatic(visited.Modifiers))
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(Body(visited.Body, visited.ExpressionBody?.Expression, node));
    }

    private bool InUser(SyntaxNode original) => _user.Contains(original.SpanStart);

    /// <summary>
    /// <c>(field ??= lambda)</c> when <paramref name="original"/> captures nothing and its delegate type can be
    /// named; otherwise the lambda as it is (it allocates per evaluation, as a capturing lambda always did).
    /// </summary>
    private ExpressionSyntax Cached(AnonymousFunctionExpressionSyntax original, AnonymousFunctionExpressionSyntax rewritten)
    {
        if (_model.GetTypeInfo(original).ConvertedType is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } type
            || !IsNameable(type)
            || Captures(original))
        {
            return rewritten;
        }

        var field = $"{FramePrefix}lambda{_cachedLambdas.Count}";
        _cachedLambdas.Add(ParseMemberDeclaration($"private {type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}? {field};")!);
        return ParenthesizedExpression(AssignmentExpression(SyntaxKind.CoalesceAssignmentExpression, IdentifierName(field), ParenthesizedExpression(rewritten)));
    }

    /// <summary>
    /// Whether the function uses a local, parameter or range variable declared outside itself, or calls a local
    /// function (which may capture some): then its delegate holds per-evaluation state and must not be cached.
    /// </summary>
    private bool Captures(AnonymousFunctionExpressionSyntax function)
    {
        foreach (var name in function.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            switch (_model.GetSymbolInfo(name).Symbol)
            {
                case ISymbol variable when variable is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
                    && variable.Locations.All(l => !l.IsInSource || l.SourceTree != function.SyntaxTree || !function.Span.Contains(l.SourceSpan)):
                    return true;
                case IMethodSymbol { MethodKind: MethodKind.LocalFunction }:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>False for types the field's declaration could not name: anonymous types, type parameters of a generic local function, errors.</summary>
    private static bool IsNameable(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol or ITypeParameterSymbol => false,
        IArrayTypeSymbol array => IsNameable(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } => false,
        INamedTypeSymbol named => named.TypeArguments.All(IsNameable) && (named.ContainingType is null || IsNameable(named.ContainingType)),
        _ => false,
    };

    private static SyntaxTokenList WithoutStatic(SyntaxTokenList modifiers) =>
        TokenList(modifiers.Where(m => !m.IsKind(SyntaxKind.StaticKeyword)));

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
}
