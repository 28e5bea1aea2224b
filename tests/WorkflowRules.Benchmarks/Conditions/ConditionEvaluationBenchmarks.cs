using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RulesEngine.Models;
using WorkflowRules.Conditions;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>
/// One evaluation of the same logical condition on the same record —
/// <c>Amount &gt; 1000 &amp;&amp; VendorNo starts with "V" &amp;&amp; any line with Quantity &gt; 10</c> —
/// by our engine through a bound <see cref="ConditionHandle"/> (as the engine calls it) and through the lookup of
/// <see cref="IConditionEvaluator.Evaluate"/>, a hand-written lambda of the very same C# (the baseline, the limit),
/// microsoft/RulesEngine and a cached CSharpScript. Everything is compiled or cached in <see cref="Setup"/>; the
/// benchmarks measure the per-evaluation cost only.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[MaxColumn]
public class ConditionEvaluationBenchmarks
{
    /// <summary>
    /// Our condition, as a power user writes it: character for character the body of <see cref="Lambda"/>, so the
    /// ratio measures the engine's overhead and not two different string comparisons.
    /// </summary>
    public const string EngineCode =
        """Record.Amount > 1000m && Record.VendorNo.StartsWith('V') && Record.Lines.Any(l => l.Quantity > 10)""";

    /// <summary>The same condition for RulesEngine (System.Linq.Dynamic.Core syntax; <c>input1</c> is the first input).</summary>
    public const string RulesEngineExpression =
        """input1.Amount > 1000 && input1.VendorNo.StartsWith("V") && input1.Lines.Any(Quantity > 10)""";

    private const string RulesEngineWorkflow = "Purchase";

    private static readonly Func<PurchaseDocument, bool> Lambda =
        Record => Record.Amount > 1000m && Record.VendorNo.StartsWith('V') && Record.Lines.Any(l => l.Quantity > 10);

    private readonly PurchaseDocument _record = new()
    {
        No = "PO-1001",
        VendorNo = "V1000",
        Amount = 2500m,
        // A real array, as the tests' Records.Purchase builds it (a collection expression targeted at IReadOnlyList<T>
        // would be a compiler-made wrapper that LINQ enumerates with an allocation). The matching line is the last of three.
        Lines = new PurchaseLine[]
        {
            new() { Type = "Item", No = "1000", Quantity = 2, UnitCost = 100m },
            new() { Type = "Item", No = "1001", Quantity = 5, UnitCost = 150m },
            new() { Type = "Item", No = "1002", Quantity = 12, UnitCost = 100m },
        },
    };

    private readonly ConditionEvent _event = new("PurchaseDocumentSentForApproval", "alice", new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));
    private readonly ConditionSource _source = ConditionSource.Inline(EngineCode);

    private ConditionsWiring? _wiring;
    private IConditionEvaluator _evaluator = null!;
    private ConditionHandle _handle = null!;
    private global::RulesEngine.RulesEngine _rulesEngine = null!;
    private ScriptRunner<bool> _script = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        // Our engine, wired as the host wires it (AddWorkflowConditions).
        _wiring = new ConditionsWiring();
        _evaluator = _wiring.Evaluator;
        _evaluator.Prepare([(_source, typeof(PurchaseDocument))]);
        _handle = _evaluator.Bind(_source, typeof(PurchaseDocument));

        // RulesEngine: one cached engine, the rule compiled on first execution (done below).
        var workflow = new Workflow
        {
            WorkflowName = RulesEngineWorkflow,
            Rules = [new Rule { RuleName = "LargePurchaseWithBigLine", Expression = RulesEngineExpression }],
        };
        _rulesEngine = new global::RulesEngine.RulesEngine([workflow], new ReSettings());

        // CSharpScript: compiled once to a delegate.
        var options = ScriptOptions.Default
            .AddReferences(typeof(PurchaseDocument).Assembly, typeof(Enumerable).Assembly)
            .AddImports("System", "System.Linq");
        _script = CSharpScript.Create<bool>(EngineCode, options, globalsType: typeof(ConditionGlobals)).CreateDelegate();

        // Warm every path once and check they agree, so a wrong translation cannot make a fast number.
        var answers = new[] { Lambda(_record), EngineHandle(), EngineEvaluate(), await RulesEngine().ConfigureAwait(false), await CSharpScriptRunner().ConfigureAwait(false) };
        if (answers.Any(a => !a))
        {
            throw new InvalidOperationException($"The condition must hold for the benchmark record on every path: lambda, handle, Evaluate, RulesEngine, CSharpScript = {string.Join(", ", answers)}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _wiring?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Hand-written lambda")]
    public bool HandWrittenLambda() => Lambda(_record);

    /// <summary>As the engine calls it: a handle bound once per condition of a cached workflow version.</summary>
    [Benchmark(Description = "WorkflowRules ConditionHandle.Evaluate (as the engine calls it)")]
    public bool EngineHandle()
    {
        var outcome = _handle.Evaluate(_record, null, _event);
        return outcome.Succeeded ? outcome.Holds : throw new InvalidOperationException(outcome.Failure!.ToString());
    }

    /// <summary>The older entry point: finds the compiled condition by the source's text on every call.</summary>
    [Benchmark(Description = "WorkflowRules IConditionEvaluator.Evaluate (lookup per call)")]
    public bool EngineEvaluate()
    {
        var outcome = _evaluator.Evaluate(_source, typeof(PurchaseDocument), _record, null, _event);
        return outcome.Succeeded ? outcome.Holds : throw new InvalidOperationException(outcome.Failure!.ToString());
    }

    [Benchmark(Description = "RulesEngine 6 ExecuteAllRulesAsync")]
    public async Task<bool> RulesEngine()
    {
        var results = await _rulesEngine.ExecuteAllRulesAsync(RulesEngineWorkflow, _record).ConfigureAwait(false);
        return results[0].IsSuccess;
    }

    [Benchmark(Description = "Cached CSharpScript delegate")]
    public Task<bool> CSharpScriptRunner() => _script(new ConditionGlobals { Record = _record });
}
