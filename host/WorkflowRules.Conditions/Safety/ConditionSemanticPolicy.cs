using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using WorkflowRules.Conditions.Compilation;

namespace WorkflowRules.Conditions.Safety;

/// <summary>
/// The allow-list applied to the bound operations of a condition, before anything is emitted. Working on
/// IOperation and symbols catches what text matching misses: aliases, <c>global::</c>, implicit calls
/// (foreach, operators, conversions), generic arguments, <c>typeof</c>, casts and <c>dynamic</c>.
/// </summary>
internal sealed class ConditionSemanticPolicy(GeneratedCondition condition, SemanticModel model, ConditionAllowList allowList, ConditionRefusals refusals)
{
    private static readonly SymbolDisplayFormat Display = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public void Check()
    {
        var method = condition.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .First(m => m.Identifier.Text == GeneratedCondition.EvaluateMethod);
        if (model.GetOperation(method) is not { } body)
        {
            return;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (condition.UserSpan.Contains(operation.Syntax.SpanStart))
            {
                Visit(operation);
            }
        }
    }

    private void Visit(IOperation operation)
    {
        // Once an operation is refused, neither its type nor what is done with its result is news.
        var refused = false;
        switch (operation)
        {
            case IInvocationOperation invocation:
                refused = Consequence(Receiver(invocation))
                    || !Member(invocation.TargetMethod, invocation.Syntax is InvocationExpressionSyntax call ? call.Expression.Span : invocation.Syntax.Span, IsInitializerReceiver(invocation.Instance));
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                refused = !Member(constructor, creation.Syntax.Span, inInitializer: false);
                break;
            case IMemberReferenceOperation reference:
                refused = Consequence(reference.Instance) || !Member(reference.Member, reference.Syntax.Span, IsInitializerReceiver(reference.Instance));
                break;
            case IImplicitIndexerReferenceOperation indexer:
                refused = !Member(indexer.IndexerSymbol, indexer.Syntax.Span, inInitializer: false) | !Member(indexer.LengthSymbol, indexer.Syntax.Span, inInitializer: false);
                break;
            case ITypeOfOperation typeOf when !allowList.IsAllowed(typeOf.TypeOperand):
                refusals.Add(typeOf.Syntax.Span, $"typeof({typeOf.TypeOperand.ToDisplayString(Display)})", ConditionRules.Reflection);
                break;
            case IIsTypeOperation isType when !allowList.IsAllowed(isType.TypeOperand):
                refusals.Add(isType.Syntax.Span, isType.TypeOperand.ToDisplayString(Display), ConditionAllowList.RefusalFor(isType.TypeOperand));
                break;
            case IConversionOperation { OperatorMethod: { } conversion }:
                refused = !Member(conversion, operation.Syntax.Span, inInitializer: false);
                break;
            case IBinaryOperation { OperatorMethod: { } binary }:
                refused = !Member(binary, operation.Syntax.Span, inInitializer: false);
                break;
            case IUnaryOperation { OperatorMethod: { } unary }:
                refused = !Member(unary, operation.Syntax.Span, inInitializer: false);
                break;
            case IWithOperation { CloneMethod: { } clone }:
                refused = !Member(clone, operation.Syntax.Span, inInitializer: false);
                break;
            case ICollectionExpressionOperation { ConstructMethod: IMethodSymbol construct }:
                refused = !Member(construct, operation.Syntax.Span, inInitializer: false);
                break;
            case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation:
                refusals.Add(operation.Syntax.Span, "dynamic", ConditionRules.Dynamic);
                break;
            case IEventAssignmentOperation:
                refusals.Add(operation.Syntax.Span, "Subscribing to an event", ConditionRules.ReadOnly);
                break;
            case ILockOperation or IAwaitOperation:
                refusals.Add(operation.Syntax.Span, operation is ILockOperation ? "lock" : "await", ConditionRules.Threading);
                break;
            case IAddressOfOperation or ISizeOfOperation or IFunctionPointerInvocationOperation:
                refusals.Add(operation.Syntax.Span, "Unsafe code", ConditionRules.Unsafe);
                break;
            case IAnonymousFunctionOperation function:
                Signature(function.Symbol, SignatureSpan(function.Syntax));
                break;
            case ILocalFunctionOperation function:
                Signature(function.Symbol, SignatureSpan(function.Syntax));
                break;
            case IVariableDeclaratorOperation declarator:
                Type(declarator.Symbol.Type, declarator.Syntax.Parent is VariableDeclarationSyntax declaration ? declaration.Type.Span : declarator.Syntax.Span);
                break;
            case IPatternOperation pattern:
                Pattern(pattern);
                break;
            case IForEachLoopOperation loop when loop.Syntax is CommonForEachStatementSyntax syntax:
                var info = model.GetForEachStatementInfo(syntax);
                foreach (var member in new ISymbol?[] { info.GetEnumeratorMethod, info.MoveNextMethod, info.CurrentProperty, info.DisposeMethod })
                {
                    if (member is not null && !Consequence(loop.Collection))
                    {
                        Member(member, syntax.Expression.Span, inInitializer: false);
                    }
                }

                break;
        }

        switch (operation)
        {
            case IAssignmentOperation assignment:
                Target(assignment.Target);
                break;
            case IIncrementOrDecrementOperation increment:
                Target(increment.Target);
                if (increment.OperatorMethod is { } method)
                {
                    Member(method, operation.Syntax.Span, inInitializer: false);
                }

                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                Target(argument.Value);
                break;
        }

        // Variables were checked where they were declared; implicit operations carry types the user never wrote.
        if (!refused && !operation.IsImplicit && operation.Type is { } type
            && operation is not (ITypeOfOperation or ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation))
        {
            Type(type, operation.Syntax.Span);
        }
    }

    /// <summary>Checks a member; false when it was refused.</summary>
    private bool Member(ISymbol member, TextSpan span, bool inInitializer)
    {
        if (allowList.Check(member, inInitializer) is not { } why)
        {
            return true;
        }

        var name = member is IMethodSymbol { IsGenericMethod: true } generic
            ? $"{member.Name}<{string.Join(", ", generic.TypeArguments.Select(t => t.ToDisplayString(Display)))}>"
            : member.Name;
        var what = member is IMethodSymbol { MethodKind: MethodKind.Constructor }
            ? "new " + member.ContainingType.ToDisplayString(Display)
            : member.ContainingType is { } owner ? $"{owner.ToDisplayString(Display)}.{name}" : name;
        refusals.Add(span, what, why);
        return false;
    }

    /// <summary>
    /// True when <paramref name="receiver"/> already has a refused type: whatever produced it was reported, and
    /// calling members on it adds nothing a person needs to read.
    /// </summary>
    private bool Consequence(IOperation? receiver) =>
        receiver?.Type is { } type && type is not IErrorTypeSymbol && type.TypeKind != TypeKind.Dynamic && !allowList.IsAllowed(type);

    /// <summary>The receiver of an instance call, or the first argument of an extension method called in reduced form.</summary>
    private static IOperation? Receiver(IInvocationOperation invocation)
    {
        if (invocation.Instance is not null || !invocation.TargetMethod.IsExtensionMethod || invocation.Arguments.Length == 0)
        {
            return invocation.Instance;
        }

        var value = invocation.Arguments[0].Value;
        return value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value;
    }

    private void Type(ITypeSymbol type, TextSpan span)
    {
        if (type.TypeKind == TypeKind.Dynamic)
        {
            refusals.Add(span, "dynamic", ConditionRules.Dynamic);
        }
        else if (!allowList.IsAllowed(type))
        {
            refusals.Add(span, type.ToDisplayString(Display), ConditionAllowList.RefusalFor(type));
        }
    }

    private void Signature(IMethodSymbol function, TextSpan span)
    {
        Type(function.ReturnType, span);
        foreach (var parameter in function.Parameters)
        {
            Type(parameter.Type, span);
        }
    }

    private void Pattern(IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation { MatchedType: { } matched }:
                Type(matched, pattern.Syntax.Span);
                break;
            case ITypePatternOperation typePattern:
                Type(typePattern.MatchedType, pattern.Syntax.Span);
                break;
            case IRecursivePatternOperation recursive:
                Type(recursive.MatchedType, pattern.Syntax.Span);
                if (recursive.DeconstructSymbol is { } deconstruct)
                {
                    Member(deconstruct, pattern.Syntax.Span, inInitializer: false);
                }

                break;
        }
    }

    /// <summary>Only the condition's own variables may be assigned: never the record, its collections or anything it reaches.</summary>
    private void Target(IOperation target)
    {
        if (!IsOwn(target))
        {
            refusals.Add(target.Syntax.Span, $"Changing {target.Syntax}", ConditionRules.ReadOnly);
        }
    }

    private static bool IsOwn(IOperation target) => target switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IDiscardOperation or IInvalidOperation => true,
        IDeclarationExpressionOperation declaration => IsOwn(declaration.Expression),
        ITupleOperation tuple => tuple.Elements.All(IsOwn),
        IMemberReferenceOperation { Instance: var instance } => IsInitializerReceiver(instance),
        _ => false,
    };

    /// <summary>The object being built by an initializer (<c>new X { A = 1 }</c>, <c>with { }</c>, <c>new List&lt;int&gt; { 1 }</c>).</summary>
    private static bool IsInitializerReceiver(IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };

    private static TextSpan SignatureSpan(SyntaxNode syntax) => syntax switch
    {
        LocalFunctionStatementSyntax local => TextSpan.FromBounds(local.ReturnType.SpanStart, local.ParameterList.Span.End),
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Span,
        SimpleLambdaExpressionSyntax lambda => lambda.Parameter.Span,
        _ => new TextSpan(syntax.SpanStart, 0),
    };
}
