using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WorkflowRules.Conditions.Evaluation;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// One condition wrapped into a generated class. The user's text is copied verbatim at <see cref="UserSpan"/>,
/// so every position in the generated tree maps back to the user's line and column by plain offset arithmetic.
/// </summary>
internal sealed class GeneratedCondition
{
    public const string Namespace = "GeneratedConditions";
    public const string EvaluateMethod = "Evaluate";
    public const string UntypedMethod = "EvaluateUntyped";

    private SourceText? _userText;

    public required string Code { get; init; }

    public required Type RecordType { get; init; }

    public required string ClassName { get; init; }

    public required ConditionForm Form { get; init; }

    public required SyntaxTree Tree { get; init; }

    public required TextSpan UserSpan { get; init; }

    public string FullClassName => $"{Namespace}.{ClassName}";

    /// <summary>
    /// The delegate of generated class <paramref name="className"/> of <paramref name="assembly"/>, closed over an
    /// instance of it (the class has no state).
    /// </summary>
    /// <exception cref="TypeLoadException">The assembly has no such class (e.g. a stale or foreign file).</exception>
    public static ConditionInvoker Bind(Assembly assembly, string className)
    {
        var type = assembly.GetType($"{Namespace}.{className}", throwOnError: true)!;
        var method = type.GetMethod(UntypedMethod, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new TypeLoadException($"{type.FullName} has no method {UntypedMethod}.");
        return method.CreateDelegate<ConditionInvoker>(Activator.CreateInstance(type));
    }

    private SourceText UserText => _userText ??= SourceText.From(Code);

    /// <summary>A diagnostic at <paramref name="span"/> of the generated tree, positioned in the user's text.</summary>
    public ConditionDiagnostic DiagnosticAt(TextSpan span, string message)
    {
        var (line, column) = PositionOf(span.Start);
        return new ConditionDiagnostic(line, column, message, TextAt(span));
    }

    /// <summary>1-based line and column in the user's text; positions in the wrapper are clamped to the nearest end of the user's text.</summary>
    public (int Line, int Column) PositionOf(int treePosition)
    {
        var offset = Math.Clamp(treePosition - UserSpan.Start, 0, Code.Length);
        var position = UserText.Lines.GetLinePosition(offset);
        return (position.Line + 1, position.Character + 1);
    }

    /// <summary>The user's text under <paramref name="span"/> (single line, trimmed, shortened), or null when the span lies in the wrapper.</summary>
    public string? TextAt(TextSpan span)
    {
        var inside = span.Intersection(UserSpan);
        if (inside is not { Length: > 0 } part)
        {
            return null;
        }

        var text = Code.Substring(part.Start - UserSpan.Start, part.Length).Trim();
        var newline = text.IndexOfAny(['\r', '\n']);
        if (newline >= 0)
        {
            text = text[..newline].TrimEnd() + " ...";
        }

        return text.Length > 120 ? text[..117] + "..." : text;
    }
}
