using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// Wraps a condition into <c>static bool Evaluate(T Record, T? Previous, ConditionEvent Event, ConditionBudgetClock __wr_budget)</c> plus an untyped
/// twin that casts, so the host binds one delegate on <see cref="object"/> per condition. The twin is an instance
/// method so that the delegate is a closed one: invoking a delegate to a static method goes through an extra
/// argument-shuffling stub. Before the user's text the method declares the other variables of a condition
/// (<see cref="ConditionVariables"/>): <c>Approvals</c>, the event's approval state.
/// </summary>
internal static class ConditionWrapper
{
    /// <summary>
    /// The shape of the generated code, part of every compiled-cache key: change it whenever the wrapper emits
    /// different code for the same condition, so assemblies made by an earlier wrapper are never loaded again.
    /// </summary>
    /// <remarks>
    /// 2: declares <c>Approvals</c>. 3: the typed method is marked for aggressive inlining. 4: the budget comes in as an
    /// argument, LINQ quantifiers are lowered to loops (<see cref="Budget.BudgetRewriter"/>).
    /// </remarks>
    public const string Revision = "4";

    /// <summary>The hidden parameter that brings the host's <see cref="Budget.ConditionBudgetClock"/> (the prefix is reserved).</summary>
    public const string BudgetParameter = "__wr_budget";

    private const string BudgetClock = "global::WorkflowRules.Conditions.Budget.ConditionBudgetClock";

    private const string ApprovalState = "global::WorkflowRules.Sdk.Conditions.ApprovalState";

    private static readonly string[] DefaultNamespaces = ["System", "System.Collections.Generic", "System.Linq"];

    public static GeneratedCondition Wrap(string code, Type recordType, string className, CSharpParseOptions options)
    {
        var form = DetectForm(code, options);
        var record = CSharpTypeNames.Of(recordType);
        const string evt = "global::WorkflowRules.Sdk.Conditions.ConditionEvent";

        var source = new StringBuilder();
        foreach (var ns in DefaultNamespaces)
        {
            source.Append("using ").Append(ns).Append(";\n");
        }

        // The record's own namespace, so scripts can name its other types (PurchaseLine) without qualification.
        if (!string.IsNullOrEmpty(recordType.Namespace) && !DefaultNamespaces.Contains(recordType.Namespace))
        {
            source.Append("using global::").Append(recordType.Namespace).Append(";\n");
        }

        source.Append("namespace ").Append(GeneratedCondition.Namespace).Append("\n{\n")
            .Append("public sealed class ").Append(className).Append("\n{\n")
            // Inlined into the untyped twin: one method per condition for the JIT to compile, and one call per evaluation.
            .Append("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]\n")
            .Append("public static bool ").Append(GeneratedCondition.EvaluateMethod).Append('(')
            .Append(record).Append(" Record, ").Append(record).Append("? Previous, ").Append(evt).Append(" Event, ")
            .Append(BudgetClock).Append(' ').Append(BudgetParameter).Append(")\n{\n")
            // One line before the user's text, which keeps its own positions (UserSpan). A property read, no allocation;
            // the fallback covers a caller that set Approvals to null against the SDK's annotations.
            .Append(ApprovalState).Append(' ').Append(ConditionVariables.ApprovalsName).Append(" = Event.Approvals ?? ").Append(ApprovalState).Append(".None;\n");
        if (form == ConditionForm.Expression)
        {
            source.Append("return\n");
        }

        var userStart = source.Length;
        source.Append(code);
        // The newline ends a trailing // comment of the user's last line before the wrapper goes on.
        source.Append('\n');
        if (form == ConditionForm.Expression)
        {
            source.Append(";\n");
        }

        source.Append("}\n")
            .Append("public bool ").Append(GeneratedCondition.UntypedMethod).Append("(object record, object? previous, ").Append(evt).Append(" evt, ").Append(BudgetClock).Append(" budget) => ")
            .Append(GeneratedCondition.EvaluateMethod).Append("((").Append(record).Append(")record, (").Append(record).Append("?)previous, evt, budget);\n")
            .Append("}\n}\n");

        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source.ToString(), Encoding.UTF8), options, path: className + ".cs");
        return new GeneratedCondition
        {
            Code = code,
            RecordType = recordType,
            ClassName = className,
            Form = form,
            Tree = tree,
            UserSpan = new TextSpan(userStart, code.Length),
        };
    }

    /// <summary>An expression when the text parses as one; statements when it has a return or a semicolon; otherwise an expression, for its errors.</summary>
    private static ConditionForm DetectForm(string code, CSharpParseOptions options)
    {
        var expression = SyntaxFactory.ParseExpression(code, options: options);
        if (!expression.ContainsDiagnostics && !expression.IsMissing)
        {
            return ConditionForm.Expression;
        }

        foreach (var token in SyntaxFactory.ParseTokens(code, options: options))
        {
            if (token.IsKind(SyntaxKind.ReturnKeyword) || token.IsKind(SyntaxKind.SemicolonToken))
            {
                return ConditionForm.Statements;
            }
        }

        return ConditionForm.Expression;
    }
}
