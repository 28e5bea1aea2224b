using System.Globalization;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WorkflowRules.Conditions.Budget;
using WorkflowRules.Conditions.Safety;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// Turns conditions into delegates: wrap each in a generated class, check it (syntax policy, compile errors,
/// semantic allow-list), inject budget checks, emit all valid ones of a batch into one assembly in memory and
/// load it into a collectible context. A plain <see cref="CSharpCompilation"/> with shared references: no
/// CSharpScript, which would load an assembly per compile that never unloads.
/// </summary>
internal sealed class ConditionCompiler(ConditionReferences references)
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    // No resolvers at all: a condition can never pull in a file or an assembly by itself.
    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Enable)
        // The same conditions give the same bytes, so processes sharing the compiled cache on disk agree on its files.
        .WithDeterministic(true)
        .WithMetadataReferenceResolver(null)
        .WithSourceReferenceResolver(null)
        .WithXmlReferenceResolver(null)
        .WithStrongNameProvider(null);

    /// <summary>Diagnostics of one condition; nothing is emitted or loaded.</summary>
    public IReadOnlyList<ConditionDiagnostic> Check(string code, Type recordType) =>
        Analyze([(code, recordType)]).Conditions[0].Diagnostics;

    /// <summary>
    /// Compiles <paramref name="conditions"/> (all written against types of <paramref name="recordContext"/>) into
    /// one assembly, named <paramref name="assemblyName"/> when given (a name derived from the inputs keeps the
    /// output deterministic).
    /// </summary>
    public CompiledBatch Compile(IReadOnlyList<(string Code, Type RecordType)> conditions, AssemblyLoadContext recordContext, string? assemblyName = null)
    {
        var analysis = Analyze(conditions, assemblyName);
        var valid = analysis.Conditions.Where(c => c.Diagnostics.Count == 0 && c.Model is not null).ToList();
        if (valid.Count == 0 || analysis.Compilation is null)
        {
            return new CompiledBatch([.. analysis.Conditions.Select(c => new CompiledConditionResult(null, c.Diagnostics))], null);
        }

        var rewritten = valid.Select(c => BudgetRewriter.Rewrite(c.Model!, c.Generated!.UserSpan));
        var emitting = analysis.Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(rewritten);
        using var image = new MemoryStream();
        var emitted = emitting.Emit(image);
        if (!emitted.Success)
        {
            // Not expected once analysis passed; report it on every condition of the batch rather than guessing.
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => new ConditionDiagnostic(1, 1, "The condition passed its checks but could not be emitted: " + d.GetMessage(CultureInfo.InvariantCulture), null))
                .ToList();
            return new CompiledBatch([.. analysis.Conditions.Select(c => new CompiledConditionResult(null, c.Diagnostics.Count > 0 ? c.Diagnostics : errors))], null);
        }

        image.Position = 0;
        var context = new ConditionLoadContext($"WorkflowRules.Conditions[{valid.Count}] for {recordContext.Name}", recordContext);
        var assembly = context.LoadFromStream(image);
        var results = analysis.Conditions.Select(c => c.Diagnostics.Count > 0 || c.Generated is null
            ? new CompiledConditionResult(null, c.Diagnostics)
            : new CompiledConditionResult(GeneratedCondition.Bind(assembly, c.Generated.ClassName), [], c.Generated.ClassName));
        return new CompiledBatch([.. results], context, image.ToArray());
    }

    private Analysis Analyze(IReadOnlyList<(string Code, Type RecordType)> conditions, string? assemblyName = null)
    {
        var generated = new List<GeneratedCondition?>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var (code, recordType) = conditions[i];
            generated.Add(recordType.IsVisible && !recordType.ContainsGenericParameters
                ? ConditionWrapper.Wrap(code, recordType, $"Condition{i}", ParseOptions)
                : null);
        }

        var trees = generated.OfType<GeneratedCondition>().Select(g => g.Tree).ToList();
        var compilation = trees.Count == 0
            ? null
            : CSharpCompilation.Create(
                assemblyName ?? "GeneratedConditions_" + Guid.NewGuid().ToString("N"),
                trees,
                references.For(generated.OfType<GeneratedCondition>().Select(g => g.RecordType)),
                // Spreading a handful of small methods over threads costs more than it saves.
                CompilationOptions.WithConcurrentBuild(trees.Count > 8));

        var results = new List<AnalyzedCondition>();
        for (var i = 0; i < conditions.Count; i++)
        {
            if (generated[i] is not { } condition)
            {
                var type = conditions[i].RecordType;
                results.Add(new AnalyzedCondition(null, null, [new ConditionDiagnostic(1, 1,
                    $"The record type {type.FullName} is not public (or is an open generic type); conditions can only be written against public record types.", null)]));
                continue;
            }

            results.Add(AnalyzeOne(condition, compilation!));
        }

        return new Analysis(compilation, results);
    }

    private static AnalyzedCondition AnalyzeOne(GeneratedCondition condition, CSharpCompilation compilation)
    {
        var refusals = new ConditionRefusals(condition);
        ConditionSyntaxPolicy.Check(condition, refusals);
        if (StructureProblem(condition) is { } broken)
        {
            // Binding a tree whose text escaped the method would check the wrong things: report what the syntax
            // shows. Errors past the user's text are the cascade of the escape, not news.
            var parseErrors = condition.Tree.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceSpan.Start < condition.UserSpan.End && !refusals.Covers(d.Location.SourceSpan))
                .Select(d => FromCompiler(d, condition));
            return new AnalyzedCondition(condition, null, [.. refusals.All.Select(r => r.Diagnostic).Append(broken).Concat(parseErrors).OrderBy(d => d.Line).ThenBy(d => d.Column)]);
        }

        var model = compilation.GetSemanticModel(condition.Tree);
        var allowList = new ConditionAllowList(condition.RecordType.Assembly.GetName().Name!);
        new ConditionSemanticPolicy(condition, model, allowList, refusals).Check();

        var errors = model.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !refusals.Covers(d.Location.SourceSpan))
            .Select(d => FromCompiler(d, condition));
        var diagnostics = refusals.All.Select(r => r.Diagnostic).Concat(errors)
            .OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new AnalyzedCondition(condition, model, diagnostics);
    }

    /// <summary>
    /// The user's text must stay inside the generated method: a '}' that closes it early could add members to
    /// the generated class that no check would look at.
    /// </summary>
    private static ConditionDiagnostic? StructureProblem(GeneratedCondition condition)
    {
        var root = condition.Tree.GetCompilationUnitRoot();
        var user = condition.UserSpan;
        if (root.Members is [BaseNamespaceDeclarationSyntax { Members: [ClassDeclarationSyntax { Members: [MethodDeclarationSyntax { Body: { } body }, MethodDeclarationSyntax] }] }]
            && root.AttributeLists.Count == 0
            && body.OpenBraceToken.Span.End <= user.Start
            && !body.CloseBraceToken.IsMissing
            && body.CloseBraceToken.SpanStart >= user.End)
        {
            return null;
        }

        var escape = root.DescendantTokens().FirstOrDefault(t => t.IsKind(SyntaxKind.CloseBraceToken) && user.Contains(t.SpanStart) && t.Parent is BlockSyntax { Parent: MethodDeclarationSyntax });
        var position = escape.IsKind(SyntaxKind.CloseBraceToken) ? escape.Span : new Microsoft.CodeAnalysis.Text.TextSpan(user.End, 0);
        return condition.DiagnosticAt(position,
            "The condition does not stay within itself: check that braces, parentheses, quotes and comments are closed; a condition cannot declare members or types.");
    }

    private static ConditionDiagnostic FromCompiler(Diagnostic diagnostic, GeneratedCondition condition)
    {
        var span = diagnostic.Location.SourceTree == condition.Tree ? diagnostic.Location.SourceSpan : new Microsoft.CodeAnalysis.Text.TextSpan(condition.UserSpan.Start, 0);
        var message = diagnostic.Id switch
        {
            "CS0161" => "Not all code paths return a value: a condition written as statements must end with 'return <true or false>;'.",
            // "Already defined" / "cannot be declared in this scope" of Record, Event, Approvals...: say what the name already is.
            "CS0128" or "CS0136" when ConditionVariables.Meaning(condition.TextAt(span)) is { } meaning =>
                $"'{condition.TextAt(span)}' is already a variable of every condition ({meaning}); give your variable another name.",
            _ => diagnostic.GetMessage(CultureInfo.InvariantCulture),
        };
        if (diagnostic.Id == "CS0161")
        {
            span = new Microsoft.CodeAnalysis.Text.TextSpan(condition.UserSpan.End, 0);
        }

        // An error found in the wrapper (a ';' or '}' the user never typed) means the text ended too early.
        var where = diagnostic.Id != "CS0161" && !condition.UserSpan.Contains(span.Start) ? "At the end of the condition: " : "";
        return condition.DiagnosticAt(span, $"{where}{message} ({diagnostic.Id})");
    }

    private sealed record Analysis(CSharpCompilation? Compilation, IReadOnlyList<AnalyzedCondition> Conditions);

    private sealed record AnalyzedCondition(GeneratedCondition? Generated, SemanticModel? Model, IReadOnlyList<ConditionDiagnostic> Diagnostics);
}
